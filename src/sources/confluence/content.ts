import { PAGE_LIMITS } from '../page-limits';
import { segment, withQuery, type SiteClient } from '../site-client';
import { cursorPages, getCursorPage, type CursorPage } from './paging';
import { contentSchema, V2, versionSchema, type ConfluenceContent, type ConfluenceVersion, type ContentType } from './schemas';

const collection = (type: ContentType) => (type === 'page' ? 'pages' : 'blogposts');

/**
 * Statuses a v2 list may be asked for: pages know `archived`, blog posts do not (the v2 document
 * lists `current, archived, deleted, trashed` for pages and `current, deleted, trashed` for blog
 * posts; without `status`, pages default to current and archived, blog posts to current).
 */
export type ListStatus = 'current' | 'archived' | 'trashed';

/** Current and archived content: both keep their history and produce activity. */
export function liveStatuses(type: ContentType): ListStatus[] {
  return type === 'page' ? ['current', 'archived'] : ['current'];
}

/**
 * GET /wiki/api/v2/pages|blogposts?id=…: up to 250 pages or blog posts by id in one call, in
 * the given statuses (default: current and archived; trashed, deleted and draft content produces
 * no activity).
 */
export async function getContentByIds(client: SiteClient, type: ContentType, ids: string[], statuses: ListStatus[] = liveStatuses(type)): Promise<ConfluenceContent[]> {
  const out: ConfluenceContent[] = [];
  for (let i = 0; i < ids.length; i += PAGE_LIMITS.confluenceV2) {
    const chunk = ids.slice(i, i + PAGE_LIMITS.confluenceV2);
    const path = withQuery(`${V2}/${collection(type)}`, { id: chunk.join(','), status: statuses.filter((x) => type === 'page' || x !== 'archived').join(','), limit: PAGE_LIMITS.confluenceV2 });
    for await (const page of cursorPages(client, path, contentSchema, `Confluence ${collection(type)}`)) {
      out.push(...page.results);
    }
  }
  return out;
}

/** GET /wiki/api/v2/pages|blogposts/{id}/versions, newest first: one entry per edit. */
export async function* contentVersionPages(
  client: SiteClient,
  type: ContentType,
  id: string,
): AsyncGenerator<ConfluenceVersion[]> {
  const path = withQuery(`${V2}/${collection(type)}/${segment(id)}/versions`, {
    limit: PAGE_LIMITS.confluenceV2,
    sort: '-modified-date',
  });
  for await (const page of cursorPages(client, path, versionSchema, `Confluence ${type} versions`)) yield page.results;
}

/**
 * GET /wiki/api/v2/pages?status=archived: one page of archived pages, site-wide (CQL searches
 * current content only, so archived pages are found here). `path` continues from a next link.
 */
export function archivedPagesPage(client: SiteClient, path?: string): Promise<CursorPage<ConfluenceContent>> {
  const first = withQuery(`${V2}/pages`, { status: 'archived', limit: PAGE_LIMITS.confluenceV2 });
  return getCursorPage(client, path ?? first, contentSchema, 'Confluence archived pages');
}
