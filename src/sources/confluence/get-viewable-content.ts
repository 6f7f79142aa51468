import { z } from 'zod';
import { PAGE_LIMITS } from '../page-limits';
import { parseResponse } from '../parse-response';
import type { SiteClient } from '../site-client';
import { V2 } from './schemas';

const responseSchema = z.looseObject({
  results: z.record(z.string(), z.string().nullable()).default({}),
});

/**
 * Which of these pages and blog posts the caller may view, from
 * POST /wiki/api/v2/content/convert-ids-to-types (at most 100 ids): "Any content that the user
 * does not have permission to view or does not exist will map to null" (Confluence v2 document).
 * Space permissions and page restrictions, inherited ones included, are Confluence's to apply.
 */
export async function getViewableContentIds(client: SiteClient, contentIds: string[]): Promise<string[]> {
  if (contentIds.length === 0) return [];
  if (contentIds.length > PAGE_LIMITS.contentTypes) throw new RangeError(`convert-ids-to-types takes at most ${PAGE_LIMITS.contentTypes} ids`);
  const res = await client.request('POST', `${V2}/content/convert-ids-to-types`, { contentIds });
  const body = await parseResponse(res, responseSchema, 'Confluence content types');
  return contentIds.filter((id) => typeof body.results[id] === 'string');
}
