import type { Route } from '../router';
import { badRequest, type SiteReply, type SiteRequest } from '../http-types';
import type { ContentComment, FixtureContent } from '../fixture-schema';
import { toMs } from '../time';
import { commentLatest, commentModel } from './render';
import { sortParam, sorted, v2Page } from './v2-paging';
import { pathContent } from './content-access';

/**
 * Confluence v2 comments: the site-wide feeds GET /footer-comments and /inline-comments (replies
 * included, with parentCommentId) and the per-page / per-blog-post lists (root comments only).
 * Deleted comments and comments on trashed or deleted content never appear.
 */

const COMMENT_SORTS = ['created-date', '-created-date', 'modified-date', '-modified-date'] as const;
type Entry = { content: FixtureContent; cm: ContentComment };

function ordered(req: SiteRequest, entries: Entry[]): Entry[] {
  const sort = sortParam(req, COMMENT_SORTS, 'created-date');
  const key = (e: Entry): number => toMs(sort.key === 'created-date' ? e.cm.versions[0].createdAt : commentLatest(e.cm).createdAt);
  return sorted(entries, key, sort.desc, (e) => Number(e.cm.id));
}

function siteWide(req: SiteRequest, location: 'footer' | 'inline'): SiteReply {
  const entries: Entry[] = [];
  for (const content of req.state.liveContents()) {
    if (!req.viewer.canSeeContent(content)) continue;
    for (const cm of content.comments) if (cm.location === location && cm.status === 'current') entries.push({ content, cm });
  }
  return v2Page(req, ordered(req, entries), (e) => commentModel(e.content, e.cm, 'site'));
}

function perContent(req: SiteRequest, type: 'page' | 'blogpost', location: 'footer' | 'inline'): SiteReply {
  const content = pathContent(req, type);
  const statuses = req.query.getAll('status').flatMap((s) => s.split(','));
  for (const s of statuses) if (!['current', 'deleted', 'trashed', 'historical', 'draft', 'archived'].includes(s)) throw badRequest(`Invalid status '${s}'.`);
  const entries = content.comments
    .filter((cm) => cm.location === location && cm.status === 'current' && cm.parentCommentId === undefined)
    .map((cm) => ({ content, cm }));
  return v2Page(req, ordered(req, entries), (e) => commentModel(e.content, e.cm, 'container'));
}

export const v2CommentRoutes: Route[] = [
  { method: 'GET', template: '/wiki/api/v2/footer-comments', handler: (req) => siteWide(req, 'footer') },
  { method: 'GET', template: '/wiki/api/v2/inline-comments', handler: (req) => siteWide(req, 'inline') },
  ...(['page', 'blogpost'] as const).flatMap((type): Route[] =>
    (['footer', 'inline'] as const).map((location): Route => ({
      method: 'GET',
      template: `/wiki/api/v2/${type === 'page' ? 'pages' : 'blogposts'}/{id}/${location}-comments`,
      handler: (req) => perContent(req, type, location),
    })),
  ),
];
