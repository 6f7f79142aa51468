import type { Route } from '../router';
import { badRequest, notFound, ok, type SiteReply, type SiteRequest } from '../http-types';
import { listParam } from '../paging';
import type { FixtureContent } from '../fixture-schema';
import { toMs } from '../time';
import { contentBulk, latestVersion, v2Version } from './render';
import { sortParam, sorted, v2Page } from './v2-paging';
import { pathContent } from './content-access';

/**
 * Confluence v2 pages and blog posts: lists (id, space-id, status, title, sort incl.
 * ±modified-date), single GETs (optionally a past `version`) and version history.
 */

const PAGE_SORTS = ['id', '-id', 'created-date', '-created-date', 'modified-date', '-modified-date', 'title', '-title'] as const;
const BLOG_SORTS = ['id', '-id', 'created-date', '-created-date', 'modified-date', '-modified-date'] as const;
/**
 * The v2 document: pages take `current, archived, deleted, trashed` and default to current and
 * archived; blog posts take `current, deleted, trashed` and default to current.
 */
const LIST_STATUSES = { page: ['current', 'archived', 'deleted', 'trashed'], blogpost: ['current', 'deleted', 'trashed'] };
const DEFAULT_STATUSES = { page: ['current', 'archived'], blogpost: ['current'] };

function list(req: SiteRequest, type: 'page' | 'blogpost'): SiteReply {
  const ids = listParam(req.query, 'id');
  const spaceIds = listParam(req.query, 'space-id');
  if (ids.length > 250) throw badRequest('At most 250 ids may be given.', { id: 'too many' });
  const statuses = listParam(req.query, 'status');
  for (const s of statuses) if (!LIST_STATUSES[type].includes(s)) throw badRequest(`Invalid status '${s}'.`, { status: 'invalid' });
  // Purged ("deleted") content is gone for good; trashed content shows only when asked for.
  const wanted = new Set(statuses.length > 0 ? statuses.filter((s) => s !== 'deleted') : DEFAULT_STATUSES[type]);
  const title = req.query.get('title');
  const sort = sortParam(req, type === 'page' ? PAGE_SORTS : BLOG_SORTS, 'id');
  const items = req.state.raw.contents.filter(
    (c) =>
      c.type === type &&
      wanted.has(c.status) &&
      (ids.length === 0 || ids.includes(c.id)) &&
      (spaceIds.length === 0 || spaceIds.includes(c.spaceId)) &&
      (title === null || c.title === title) &&
      req.viewer.canSeeContent(c),
  );
  const key = (c: FixtureContent): number | string =>
    sort.key === 'id' ? Number(c.id) : sort.key === 'title' ? c.title : sort.key === 'created-date' ? toMs(c.createdAt) : toMs(latestVersion(c).createdAt);
  return v2Page(req, sorted(items, key, sort.desc, (c) => Number(c.id)), (c) => contentBulk(c, req.viewer));
}

function single(req: SiteRequest, type: 'page' | 'blogpost'): SiteReply {
  const c = pathContent(req, type, true);
  const n = req.query.get('version');
  const version = n === null ? latestVersion(c) : c.versions.find((v) => String(v.number) === n);
  if (!version) throw notFound(`Version ${n} of ${c.id} does not exist.`);
  return ok({ ...contentBulk(c, req.viewer, version), _links: { ...(contentBulk(c, req.viewer)._links as object), base: `${req.siteUrl}/wiki` } });
}

function versions(req: SiteRequest, type: 'page' | 'blogpost'): SiteReply {
  const c = pathContent(req, type);
  const sort = sortParam(req, ['modified-date', '-modified-date'] as const, '-modified-date');
  const all = sorted(c.versions, (v) => toMs(v.createdAt), sort.desc, (v) => (sort.desc ? -v.number : v.number));
  const owner = type === 'page' ? 'page' : 'blogpost';
  return v2Page(req, all, (v) => ({ ...v2Version(v), [owner]: { id: c.id, title: c.title } }));
}

export const v2PageRoutes: Route[] = (['page', 'blogpost'] as const).flatMap((type): Route[] => {
  const base = type === 'page' ? '/wiki/api/v2/pages' : '/wiki/api/v2/blogposts';
  return [
    { method: 'GET', template: base, handler: (req) => list(req, type) },
    { method: 'GET', template: `${base}/{id}`, handler: (req) => single(req, type) },
    { method: 'GET', template: `${base}/{id}/versions`, handler: (req) => versions(req, type) },
  ];
});
