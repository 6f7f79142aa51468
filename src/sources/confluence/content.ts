import { PAGE_LIMITS } from '../page-limits';
import { segment, withQuery, type SiteClient } from '../site-client';
import { cursorPages } from './paging';
import { contentSchema, V2, versionSchema, type ConfluenceContent, type ConfluenceVersion, type ContentType } from './schemas';

const collection = (type: ContentType) => (type === 'page' ? 'pages' : 'blogposts');

/**
 * GET /wiki/api/v2/pages|blogposts?id=…: up to 250 pages or blog posts by id in one call.
 * Only `current` ones are asked for: trashed, deleted and draft content produces no activity.
 */
export async function getContentByIds(client: SiteClient, type: ContentType, ids: string[]): Promise<ConfluenceContent[]> {
  const out: ConfluenceContent[] = [];
  for (let i = 0; i < ids.length; i += PAGE_LIMITS.confluenceV2) {
    const chunk = ids.slice(i, i + PAGE_LIMITS.confluenceV2);
    const path = withQuery(`${V2}/${collection(type)}`, { id: chunk.join(','), status: 'current', limit: PAGE_LIMITS.confluenceV2 });
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
