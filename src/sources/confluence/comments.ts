import { PAGE_LIMITS } from '../page-limits';
import { withQuery, type SiteClient } from '../site-client';
import { getCursorPage, type CursorPage } from './paging';
import { commentSchema, V2, type ConfluenceComment } from './schemas';

export type CommentLocation = 'footer' | 'inline';

/** First page of the site-wide comment feed, newest first (v2 has no date filter: stop at a watermark). */
export function commentFeedPath(location: CommentLocation): string {
  return withQuery(`${V2}/${location}-comments`, { limit: PAGE_LIMITS.confluenceV2, sort: '-created-date' });
}

/** GET /wiki/api/v2/footer-comments|inline-comments: one page. */
export function commentFeedPage(client: SiteClient, location: CommentLocation, path: string): Promise<CursorPage<ConfluenceComment>> {
  return getCursorPage(client, path, commentSchema, `Confluence ${location} comments`);
}
