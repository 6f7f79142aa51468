import { PAGE_LIMITS } from '../page-limits';
import { segment, withQuery, type SiteClient } from '../site-client';
import { getCursorPage, type CursorPage } from './paging';
import { commentSchema, V2, versionSchema, type ConfluenceComment, type ConfluenceVersion } from './schemas';

export type CommentLocation = 'footer' | 'inline';

/** First page of the site-wide comment feed, newest first (v2 has no date filter: stop at a watermark). */
export function commentFeedPath(location: CommentLocation): string {
  return withQuery(`${V2}/${location}-comments`, { limit: PAGE_LIMITS.confluenceV2, sort: '-created-date' });
}

/** GET /wiki/api/v2/footer-comments|inline-comments: one page. */
export function commentFeedPage(client: SiteClient, location: CommentLocation, path: string): Promise<CursorPage<ConfluenceComment>> {
  return getCursorPage(client, path, commentSchema, `Confluence ${location} comments`);
}

/**
 * A comment's first version (who created it, and when): GET /wiki/api/v2/{footer|inline}-comments/
 * {id}/versions, oldest first (`sort=modified-date`), one page. For an edited comment CQL does
 * not find: CQL searches current content only, so a comment on an archived page is not in it.
 * Undefined when the answer holds no version 1.
 */
export async function firstCommentVersion(client: SiteClient, location: CommentLocation, id: string): Promise<ConfluenceVersion | undefined> {
  const path = withQuery(`${V2}/${location}-comments/${segment(id)}/versions`, { sort: 'modified-date', limit: PAGE_LIMITS.confluenceV2 });
  const page = await getCursorPage(client, path, versionSchema, `Confluence ${location} comment versions`);
  return page.results.find((v) => v.number === 1);
}
