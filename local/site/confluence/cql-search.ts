import type { Route } from '../router';
import { badRequest, ok, type SiteReply, type SiteRequest } from '../http-types';
import { decodeToken, encodeToken, fingerprint, intParam, listParam } from '../paging';
import { runCql, type CqlEntity } from '../cql-eval';
import { webui, v1UserById } from './render';
import type { Viewer } from '../viewer';
import type { FixtureContent } from '../fixture-schema';

/**
 * GET /wiki/rest/api/search?cql=: CQL search over pages, blog posts and comments. Paging is by
 * cursor only, through `_links.next` (relative to the wiki base); `limit` defaults to 25 and is
 * silently capped, so a client must follow the link rather than count results.
 */

const LIMIT_CAP = 50;

function v1Version(e: CqlEntity, viewer: Viewer): Record<string, unknown> {
  const versions = e.comment ? e.comment.versions : e.content.versions;
  const v = versions[versions.length - 1];
  const message = 'message' in v ? v.message : '';
  const minorEdit = 'minorEdit' in v ? v.minorEdit : false;
  return {
    by: v1UserById(v.authorId, viewer),
    when: new Date(e.lastModified).toISOString(),
    friendlyWhen: friendly(e.lastModified),
    message,
    number: v.number,
    minorEdit,
    _links: {},
  };
}

function v1Space(e: CqlEntity, viewer: Viewer): Record<string, unknown> {
  const s = viewer.state.spacesById.get(e.content.spaceId);
  return {
    id: Number(s?.id ?? 0),
    key: e.spaceKey,
    name: s?.name ?? e.spaceKey,
    type: s?.type ?? 'global',
    status: 'current',
    _expandable: { settings: '', metadata: '', operations: '', lookAndFeel: '', permissions: '', icon: '', description: '', theme: '', history: '', homepage: '' },
    _links: { webui: `/spaces/${e.spaceKey}`, self: `${viewer.state.siteUrl}/wiki/rest/api/space/${e.spaceKey}` },
  };
}

function contentOf(e: CqlEntity, expand: Set<string>, viewer: Viewer): Record<string, unknown> {
  const ui = webui(e.content, viewer.state.spacesById.get(e.content.spaceId));
  const c: Record<string, unknown> = {
    id: e.id,
    type: e.kind,
    status: 'current',
    title: e.title,
    _expandable: { container: '', space: `/rest/api/space/${e.spaceKey}`, version: '', history: `/rest/api/content/${e.id}/history` },
    _links: { webui: e.comment ? `${ui}?focusedCommentId=${e.id}` : ui, self: `${viewer.state.siteUrl}/wiki/rest/api/content/${e.id}` },
  };
  if (expand.has('version')) c.version = v1Version(e, viewer);
  if (expand.has('space')) c.space = v1Space(e, viewer);
  if (expand.has('history')) c.history = { latest: true, createdBy: v1UserById(e.creator, viewer), createdDate: new Date(e.created).toISOString() };
  // Only the content's own restrictions, as on Confluence: inherited ones are on the ancestors.
  if (expand.has('restrictions.read.restrictions.user') || expand.has('restrictions.read.restrictions.group')) {
    c.restrictions = e.comment ? emptyReadRestrictions() : readRestrictions(e.content, viewer);
  }
  if (expand.has('ancestors')) c.ancestors = e.comment ? [] : ancestors(e.content, viewer);
  if (expand.has('container')) {
    c.container = e.comment
      ? { id: e.content.id, type: e.content.type, status: 'current', title: e.content.title, _links: { webui: ui } }
      : v1Space(e, viewer);
  }
  return c;
}

function readRestriction(users: unknown[], groups: unknown[]): Record<string, unknown> {
  return {
    operation: 'read',
    restrictions: {
      user: { results: users, start: 0, limit: 200, size: users.length },
      group: { results: groups, start: 0, limit: 200, size: groups.length },
    },
    _expandable: { content: '' },
    _links: {},
  };
}

function emptyReadRestrictions(): Record<string, unknown> {
  return { read: readRestriction([], []), _expandable: { update: '' }, _links: {} };
}

function readRestrictions(content: FixtureContent, viewer: Viewer): Record<string, unknown> {
  const r = content.readRestrictions;
  if (!r) return emptyReadRestrictions();
  const groups = r.groups.map((name) => ({ type: 'group', name, id: viewer.state.raw.groups.find((g) => g.name === name)?.groupId ?? null }));
  return { read: readRestriction(r.accountIds.map((id) => v1UserById(id, viewer)), groups), _expandable: { update: '' }, _links: {} };
}

/** Parent pages, root first, as Confluence lists them. */
function ancestors(content: FixtureContent, viewer: Viewer): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const seen = new Set<string>([content.id]);
  for (let p = content.parentId ? viewer.state.contentsById.get(content.parentId) : undefined; p && !seen.has(p.id); p = p.parentId ? viewer.state.contentsById.get(p.parentId) : undefined) {
    seen.add(p.id);
    out.unshift({ id: p.id, type: p.type, status: p.status, title: p.title, _expandable: {}, _links: {} });
  }
  return out;
}

function friendly(ms: number): string {
  return new Date(ms).toLocaleDateString('en-US', { month: 'short', day: '2-digit', year: 'numeric', timeZone: 'UTC' });
}

function search(req: SiteRequest): SiteReply {
  const cql = req.query.get('cql');
  if (!cql) throw badRequest("The 'cql' query parameter is required.");
  const limit = Math.min(intParam(req.query, 'limit', 25, 0), LIMIT_CAP);
  const expand = new Set(listParam(req.query, 'expand').map((x) => x.replace(/^content\./, '')));
  const results = runCql(cql, req.viewer);
  const fp = fingerprint(['cql', cql, limit]);
  const start = decodeToken(req.query.get('cursor'), fp, 'cursor');
  const page = results.slice(start, start + limit);
  const links: Record<string, string> = {
    base: `${req.siteUrl}/wiki`,
    context: '/wiki',
    self: `${req.siteUrl}/wiki/rest/api/search?cql=${encodeURIComponent(cql)}`,
  };
  if (start + limit < results.length && limit > 0) {
    const next = new URLSearchParams({ next: 'true', cursor: encodeToken(start + limit, fp), limit: String(limit), cql });
    const ex = req.query.get('expand');
    if (ex) next.set('expand', ex);
    links.next = `/rest/api/search?${next.toString()}`;
  }
  return ok({
    results: page.map((e) => ({
      content: contentOf(e, expand, req.viewer),
      title: e.title,
      excerpt: '',
      url: webui(e.content, req.state.spacesById.get(e.content.spaceId)),
      resultGlobalContainer: { title: req.state.spacesById.get(e.content.spaceId)?.name ?? e.spaceKey, displayUrl: `/spaces/${e.spaceKey}` },
      breadcrumbs: [],
      entityType: 'content',
      iconCssClass: `aui-icon content-type-${e.kind}`,
      lastModified: new Date(e.lastModified).toISOString(),
      friendlyLastModified: friendly(e.lastModified),
      score: 0,
    })),
    start,
    limit,
    size: page.length,
    totalSize: results.length,
    cqlQuery: cql,
    searchDuration: 3,
    _links: links,
  });
}

export const cqlSearchRoutes: Route[] = [{ method: 'GET', template: '/wiki/rest/api/search', handler: search }];
