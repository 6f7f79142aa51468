import type { ContentComment, FixtureContent } from '../fixture-schema';
import type { SiteState } from '../site-state';
import { contentCommentPayload, contentPayload, type ProductEvent } from './events';

/**
 * Confluence changes for incremental and live tests, each returning the Forge event it would
 * emit. Trash and delete events are returned too, although a read-only app cannot subscribe to
 * them (they need a write scope): the runtime delivers only to subscribed triggers.
 */

function content(state: SiteState, id: string): FixtureContent {
  const c = state.contentsById.get(id);
  if (!c || c.status === 'deleted') throw new Error(`no page or blog post ${id} on site ${state.name}`);
  return c;
}

function findComment(state: SiteState, commentId: string): [FixtureContent, ContentComment] {
  for (const c of state.raw.contents) {
    const cm = c.comments.find((x) => x.id === commentId && x.status === 'current');
    if (cm) return [c, cm];
  }
  throw new Error(`no current Confluence comment ${commentId} on site ${state.name}`);
}

const kindOf = (c: FixtureContent): string => (c.type === 'page' ? 'page' : 'blogpost');

export interface NewContent {
  type: 'page' | 'blogpost';
  space: string;
  title: string;
  authorId: string;
  parentId?: string;
  at?: string;
}

export interface ConfluenceMutations {
  createContent(input: NewContent): ProductEvent;
  addContentVersion(id: string, v: { authorId: string; message?: string; minorEdit?: boolean; at?: string }): ProductEvent;
  trashContent(id: string, actorId: string): ProductEvent;
  deleteContent(id: string, actorId: string): ProductEvent;
  /** Archives a page (blog posts cannot be archived); no new version. */
  archiveContent(id: string, actorId: string): ProductEvent;
  /** Back to current from the trash (`restored`) or from the archive (`unarchived`). */
  restoreContent(id: string, actorId: string): ProductEvent;
  addContentComment(contentId: string, c: { authorId: string; location?: 'footer' | 'inline'; parentCommentId?: string; at?: string }): ProductEvent;
  editContentComment(commentId: string, c: { authorId: string; at?: string }): ProductEvent;
  deleteContentComment(commentId: string, actorId: string): ProductEvent;
  setSpaceViewGroups(spaceKey: string, groups: string[] | undefined): null;
  /** View restrictions are not versioned: the page's version and last-modified date stay. */
  setContentReadRestrictions(contentId: string, r: { groups: string[]; accountIds: string[] } | undefined): null;
}

export const confluenceMutations: ConfluenceMutations & ThisType<SiteState> = {
  createContent(this: SiteState, input) {
    const space = this.raw.spaces.find((s) => s.key === input.space || s.id === input.space);
    if (!space) throw new Error(`no space ${input.space}`);
    const when = input.at ?? this.nowIso();
    const c: FixtureContent = {
      id: this.nextId(), type: input.type, spaceId: space.id, title: input.title, status: 'current',
      ...(input.parentId ? { parentId: input.parentId } : {}), authorId: input.authorId, createdAt: when,
      versions: [{ number: 1, authorId: input.authorId, createdAt: when, message: '', minorEdit: false }], comments: [],
    };
    this.raw.contents.push(c);
    this.reindex();
    return { eventType: `avi:confluence:created:${kindOf(c)}`, atlassianId: input.authorId, content: contentPayload(this, c) };
  },

  addContentVersion(this: SiteState, id, v) {
    const c = content(this, id);
    c.versions.push({
      number: c.versions.length + 1, authorId: v.authorId, createdAt: v.at ?? this.nowIso(), message: v.message ?? '', minorEdit: v.minorEdit ?? false,
    });
    return { eventType: `avi:confluence:updated:${kindOf(c)}`, atlassianId: v.authorId, content: contentPayload(this, c) };
  },

  trashContent(this: SiteState, id, actorId) {
    const c = content(this, id);
    c.status = 'trashed';
    return { eventType: `avi:confluence:trashed:${kindOf(c)}`, atlassianId: actorId, content: contentPayload(this, c) };
  },

  archiveContent(this: SiteState, id, actorId) {
    const c = content(this, id);
    if (c.type !== 'page' || c.status !== 'current') throw new Error(`only a current page can be archived, not ${c.type} ${id} (${c.status})`);
    c.status = 'archived';
    return { eventType: 'avi:confluence:archived:page', atlassianId: actorId, content: contentPayload(this, c) };
  },

  restoreContent(this: SiteState, id, actorId) {
    const c = content(this, id);
    if (c.status !== 'trashed' && c.status !== 'archived') throw new Error(`content ${id} is ${c.status}: only trashed or archived content can be restored`);
    const event = c.status === 'trashed' ? 'restored' : 'unarchived';
    c.status = 'current';
    return { eventType: `avi:confluence:${event}:${kindOf(c)}`, atlassianId: actorId, content: contentPayload(this, c) };
  },

  deleteContent(this: SiteState, id, actorId) {
    const c = content(this, id);
    c.status = 'deleted';
    return { eventType: `avi:confluence:deleted:${kindOf(c)}`, atlassianId: actorId, content: contentPayload(this, c) };
  },

  addContentComment(this: SiteState, contentId, input) {
    const c = content(this, contentId);
    if (input.parentCommentId && !c.comments.some((x) => x.id === input.parentCommentId)) {
      throw new Error(`no comment ${input.parentCommentId} on ${contentId}`);
    }
    const cm: ContentComment = {
      id: this.nextId(), location: input.location ?? 'footer', status: 'current',
      ...(input.parentCommentId ? { parentCommentId: input.parentCommentId } : {}),
      versions: [{ number: 1, authorId: input.authorId, createdAt: input.at ?? this.nowIso() }],
    };
    c.comments.push(cm);
    return { eventType: 'avi:confluence:created:comment', atlassianId: input.authorId, content: contentCommentPayload(this, c, cm) };
  },

  editContentComment(this: SiteState, commentId, input) {
    const [c, cm] = findComment(this, commentId);
    cm.versions.push({ number: cm.versions.length + 1, authorId: input.authorId, createdAt: input.at ?? this.nowIso() });
    return { eventType: 'avi:confluence:updated:comment', atlassianId: input.authorId, content: contentCommentPayload(this, c, cm) };
  },

  deleteContentComment(this: SiteState, commentId, actorId) {
    const [c, cm] = findComment(this, commentId);
    cm.status = 'deleted';
    return { eventType: 'avi:confluence:deleted:comment', atlassianId: actorId, content: contentCommentPayload(this, c, cm) };
  },

  setSpaceViewGroups(this: SiteState, spaceKey, groups) {
    const space = this.raw.spaces.find((s) => s.key === spaceKey);
    if (!space) throw new Error(`no space ${spaceKey}`);
    if (groups === undefined) delete space.viewGroups;
    else space.viewGroups = [...groups];
    return null;
  },

  setContentReadRestrictions(this: SiteState, contentId, r) {
    const content = this.contentsById.get(contentId);
    if (!content) throw new Error(`no content ${contentId}`);
    if (r === undefined) delete content.readRestrictions;
    else content.readRestrictions = { groups: [...r.groups], accountIds: [...r.accountIds] };
    return null;
  },
};
