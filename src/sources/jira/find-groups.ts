import { z } from 'zod';
import { parseResponse } from '../parse-response';
import { withQuery, type SiteClient } from '../site-client';

const pickerSchema = z.looseObject({
  groups: z.array(z.looseObject({ name: z.string(), groupId: z.string().nullish() })),
  total: z.number().int().nullish(),
});

export interface FoundGroups {
  groups: { name: string; groupId?: string }[];
  /** How many groups match in all (more than `groups` when the list was cut at maxResults). */
  total: number;
}

/**
 * GET /rest/api/3/groups/picker: groups whose name contains the query, in any case (the
 * operation matches case-sensitively unless `caseInsensitive=true`), sorted by Jira.
 */
export async function searchGroups(client: SiteClient, query: string, maxResults = 20): Promise<FoundGroups> {
  const res = await client.request('GET', withQuery('/rest/api/3/groups/picker', { query, maxResults, caseInsensitive: true }));
  const body = await parseResponse(res, pickerSchema, 'Jira (group picker)');
  const groups = body.groups.map((g) => (g.groupId ? { name: g.name, groupId: g.groupId } : { name: g.name }));
  return { groups, total: Math.max(body.total ?? 0, groups.length) };
}

/** The groups of searchGroups, without the total. */
export async function findGroups(client: SiteClient, query: string, maxResults = 20): Promise<{ name: string; groupId?: string }[]> {
  return (await searchGroups(client, query, maxResults)).groups;
}
