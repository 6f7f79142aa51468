import { z } from 'zod';
import { parseResponse } from '../parse-response';
import { withQuery, type SiteClient } from '../site-client';

const groupSchema = z.looseObject({ name: z.string(), groupId: z.string().nullish() });
export type GroupName = z.infer<typeof groupSchema>;

/** GET /rest/api/3/user/groups: the groups an account belongs to (the admin and dashboard access checks). */
export async function getUserGroups(client: SiteClient, accountId: string): Promise<GroupName[]> {
  const res = await client.request('GET', withQuery('/rest/api/3/user/groups', { accountId }));
  return parseResponse(res, z.array(groupSchema), 'Jira (user groups)');
}
