import type { FixtureContent } from '../fixture-schema';
import { notFound, type SiteRequest } from '../http-types';

/**
 * The page or blog post named in the path. Archived pages are found like current ones; trashed
 * content only when asked for with `status=trashed`; deleted, draft, invisible or wrong-type
 * content is a 404.
 */
export function pathContent(req: SiteRequest, type: 'page' | 'blogpost', allowTrashed = false): FixtureContent {
  const c = req.state.contentsById.get(req.params.id ?? '');
  const statuses = allowTrashed ? req.query.getAll('status').flatMap((s) => s.split(',')) : [];
  const statusOk = c !== undefined && (c.status === 'current' || c.status === 'archived' || (c.status === 'trashed' && statuses.includes('trashed')));
  if (!c || c.type !== type || !statusOk || !req.viewer.canSeeContent(c)) {
    throw notFound(`No ${type === 'page' ? 'page' : 'blog post'} with id ${req.params.id ?? ''} was found.`);
  }
  return c;
}
