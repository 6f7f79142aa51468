import { PAGE_LIMITS } from '../page-limits';
import { withQuery, type SiteClient } from '../site-client';
import { cursorPages } from './paging';
import { spaceSchema, V2, type ConfluenceSpace } from './schemas';

/** GET /wiki/api/v2/spaces?ids=…: up to 250 spaces per call. */
export async function getSpacesByIds(client: SiteClient, ids: string[]): Promise<ConfluenceSpace[]> {
  const out: ConfluenceSpace[] = [];
  for (let i = 0; i < ids.length; i += PAGE_LIMITS.confluenceV2) {
    const chunk = ids.slice(i, i + PAGE_LIMITS.confluenceV2);
    const path = withQuery(`${V2}/spaces`, { ids: chunk.join(','), limit: PAGE_LIMITS.confluenceV2 });
    for await (const page of cursorPages(client, path, spaceSchema, 'Confluence spaces')) out.push(...page.results);
  }
  return out;
}
