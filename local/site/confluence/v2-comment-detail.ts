import type { Route } from '../router';
import { notFound, ok, type SiteReply, type SiteRequest } from '../http-types';
import type { ContentComment, FixtureContent } from '../fixture-schema';
import { toMs } from '../time';
import { commentModel, commentVersion } from './render';
import { sortParam, sorted, v2Page } from './v2-paging';

/**
 * One Confluence comment: GET /footer-comments/{comment-id} (and inline), its version history
 * (/{id}/versions: the creator is the version-1 author) and its direct replies (/{id}/children).
 */

function findComment(req: SiteRequest, location: 'footer' | 'inline', id: string): { content: FixtureContent; cm: ContentComment } {
  for (const content of req.state.liveContents()) {
    const cm = content.comments.find((c) => c.id === id && c.location === location && c.status === 'current');
    if (cm && req.viewer.canSeeContent(content)) return { content, cm };
  }
  throw notFound(`No ${location} comment with id ${id} was found.`);
}

function single(req: SiteRequest, location: 'footer' | 'inline'): SiteReply {
  const { content, cm } = findComment(req, location, req.params['comment-id'] ?? '');
  const model = commentModel(content, cm, 'site');
  return ok({ ...model, _links: { ...(model._links as object), base: `${req.siteUrl}/wiki` } });
}

function versions(req: SiteRequest, location: 'footer' | 'inline'): SiteReply {
  const { cm } = findComment(req, location, req.params.id ?? '');
  const sort = sortParam(req, ['modified-date', '-modified-date'] as const, '-modified-date');
  const all = sorted(cm.versions, (v) => toMs(v.createdAt), sort.desc, (v) => (sort.desc ? -v.number : v.number));
  return v2Page(req, all, (v) => ({ ...commentVersion(v), comment: { id: cm.id } }));
}

function children(req: SiteRequest, location: 'footer' | 'inline'): SiteReply {
  const { content, cm } = findComment(req, location, req.params.id ?? '');
  const replies = content.comments.filter((c) => c.parentCommentId === cm.id && c.status === 'current');
  const sort = sortParam(req, ['created-date', '-created-date', 'modified-date', '-modified-date'] as const, 'created-date');
  const key = (c: ContentComment): number => toMs(sort.key === 'created-date' ? c.versions[0].createdAt : c.versions[c.versions.length - 1].createdAt);
  return v2Page(req, sorted(replies, key, sort.desc, (c) => Number(c.id)), (c) => {
    const { pageId: _p, blogPostId: _b, ...model } = commentModel(content, c, 'site');
    return { ...model, parentCommentId: cm.id };
  });
}

export const v2CommentDetailRoutes: Route[] = (['footer', 'inline'] as const).flatMap((location): Route[] => [
  { method: 'GET', template: `/wiki/api/v2/${location}-comments/{comment-id}`, handler: (req) => single(req, location) },
  { method: 'GET', template: `/wiki/api/v2/${location}-comments/{id}/versions`, handler: (req) => versions(req, location) },
  { method: 'GET', template: `/wiki/api/v2/${location}-comments/{id}/children`, handler: (req) => children(req, location) },
]);
