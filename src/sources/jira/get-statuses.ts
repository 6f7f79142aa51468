import { z } from 'zod';
import { parseResponse } from '../parse-response';
import type { SiteClient } from '../site-client';

const statusesSchema = z.array(
  z.looseObject({
    id: z.string(),
    name: z.string().optional(),
    statusCategory: z.looseObject({ key: z.string() }).optional(),
  }),
);

/** GET /rest/api/3/status: status id → category key ('new' | 'indeterminate' | 'done'). */
export async function getStatusCategories(client: SiteClient): Promise<Map<string, string>> {
  const res = await client.request('GET', '/rest/api/3/status');
  const list = await parseResponse(res, statusesSchema, 'Jira statuses');
  return new Map(list.map((s) => [s.id, s.statusCategory?.key ?? 'undefined']));
}
