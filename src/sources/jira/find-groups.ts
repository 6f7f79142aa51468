import { z } from 'zod';
import { parseResponse } from '../parse-response';
import { withQuery, type SiteClient } from '../site-client';

const pickerSchema = z.looseObject({
  groups: z.array(z.looseObject({ name: z.string(), groupId: z.string().nullish() })),
});

/** GET /rest/api/3/groups/picker: groups whose name contains the query (the group pickers). */
export async function findGroups(client: SiteClient, query: string, maxResults = 20): Promise<{ name: string; groupId?: string }[]> {
  const res = await client.request('GET', withQuery('/rest/api/3/groups/picker', { query, maxResults }));
  const body = await parseResponse(res, pickerSchema, 'Jira (group picker)');
  return body.groups.map((g) => (g.groupId ? { name: g.name, groupId: g.groupId } : { name: g.name }));
}
