import type { CommentVersion, ContentComment, ContentVersion, FixtureContent, FixtureSpace, FixtureUser } from '../fixture-schema';
import { toMs } from '../time';
import type { Viewer } from '../viewer';

/** Confluence v2 shapes (UTC `Z` instants) and the v1 user bean. */

const utc = (iso: string): string => new Date(toMs(iso)).toISOString();
const slug = (title: string): string => encodeURIComponent(title.replace(/\s+/g, '+')).replace(/%2B/g, '+');

export const latestVersion = (c: FixtureContent): ContentVersion => c.versions[c.versions.length - 1];
export const commentLatest = (c: ContentComment): CommentVersion => c.versions[c.versions.length - 1];

export function webui(content: FixtureContent, space: FixtureSpace | undefined): string {
  const key = space?.key ?? 'unknown';
  if (content.type === 'page') return `/spaces/${key}/pages/${content.id}/${slug(content.title)}`;
  const d = new Date(toMs(content.createdAt));
  const date = `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}`;
  return `/spaces/${key}/blog/${date}/${content.id}/${slug(content.title)}`;
}

export function v2Version(v: ContentVersion): Record<string, unknown> {
  return { createdAt: utc(v.createdAt), message: v.message, number: v.number, minorEdit: v.minorEdit, authorId: v.authorId };
}

/** PageBulk / BlogPostBulk; `version` pins an older version for GET ?version=n. */
export function contentBulk(c: FixtureContent, viewer: Viewer, version = latestVersion(c)): Record<string, unknown> {
  const space = viewer.state.spacesById.get(c.spaceId);
  const links = { webui: webui(c, space), editui: `/pages/resumedraft.action?draftId=${c.id}`, tinyui: `/x/${Number(c.id).toString(36)}` };
  const common = {
    id: c.id,
    status: c.status,
    title: c.title,
    spaceId: c.spaceId,
    authorId: c.authorId,
    createdAt: utc(c.createdAt),
    version: v2Version(version),
    body: {},
    _links: links,
  };
  if (c.type === 'blogpost') return common;
  return {
    ...common,
    ...(c.parentId ? { parentId: c.parentId, parentType: 'page' } : {}),
    position: null,
    ownerId: c.authorId,
    lastOwnerId: null,
  };
}

export function commentVersion(v: CommentVersion): Record<string, unknown> {
  return { createdAt: utc(v.createdAt), message: '', number: v.number, minorEdit: false, authorId: v.authorId };
}

/**
 * A comment model. `site` = the site-wide feeds (Footer/InlineCommentModel, with parentCommentId);
 * `container` = /pages|blogposts/{id}/... (root comments only, no parentCommentId).
 */
export function commentModel(content: FixtureContent, cm: ContentComment, scope: 'site' | 'container'): Record<string, unknown> {
  const owner = content.type === 'page' ? { pageId: content.id } : { blogPostId: content.id };
  const model: Record<string, unknown> = {
    id: cm.id,
    status: cm.status,
    title: `Re: ${content.title}`,
    ...owner,
    ...(scope === 'site' && cm.parentCommentId ? { parentCommentId: cm.parentCommentId } : {}),
    version: commentVersion(commentLatest(cm)),
    body: {},
    _links: { webui: `/spaces/pages/viewpage.action?pageId=${content.id}&focusedCommentId=${cm.id}#comment-${cm.id}` },
  };
  if (cm.location === 'inline') {
    model.resolutionStatus = 'open';
    model.properties = { inlineMarkerRef: `marker-${cm.id}`, inlineOriginalSelection: content.title };
  }
  return model;
}

export function spaceBulk(s: FixtureSpace): Record<string, unknown> {
  return { id: s.id, key: s.key, name: s.name, type: s.type, status: 'current', _links: { webui: `/spaces/${s.key}` } };
}

const picture = (accountId: string): Record<string, unknown> => ({
  path: `/wiki/aa-avatar/${encodeURIComponent(accountId)}`,
  width: 48,
  height: 48,
  isDefault: true,
});

/** v2 User (users-bulk): hidden emails come back as an empty string. */
export function v2User(u: FixtureUser, viewer: Viewer): Record<string, unknown> {
  const email = u.emailVisible || viewer.user?.accountId === u.accountId ? u.email : '';
  return {
    accountId: u.accountId,
    accountType: u.accountType ?? 'atlassian',
    accountStatus: u.active ? 'active' : 'inactive',
    displayName: u.displayName,
    publicName: u.displayName,
    email,
    timeZone: u.timeZone ?? 'UTC',
    isExternalCollaborator: false,
    profilePicture: picture(u.accountId),
  };
}

/** v1 User (user/current and expansions in CQL search results). */
export function v1User(u: FixtureUser, viewer: Viewer): Record<string, unknown> {
  const email = u.emailVisible || viewer.user?.accountId === u.accountId ? u.email : '';
  return {
    type: 'known',
    accountId: u.accountId,
    accountType: u.accountType ?? 'atlassian',
    email,
    publicName: u.displayName,
    profilePicture: picture(u.accountId),
    displayName: u.displayName,
    timeZone: u.timeZone ?? 'UTC',
    isExternalCollaborator: false,
    externalCollaborator: false,
    _expandable: { operations: '', personalSpace: '' },
    _links: { self: `${viewer.state.siteUrl}/wiki/rest/api/user?accountId=${encodeURIComponent(u.accountId)}`, base: `${viewer.state.siteUrl}/wiki`, context: '/wiki' },
  };
}

export function v1UserById(accountId: string, viewer: Viewer): Record<string, unknown> {
  const u = viewer.state.usersById.get(accountId);
  return u ? v1User(u, viewer) : { type: 'unknown', accountId, displayName: 'Unknown user', publicName: 'Unknown user' };
}
