import { z } from 'zod';
import { parseResponse } from '../parse-response';
import { withQuery, type SiteClient } from '../site-client';
import { jiraUserSchema, type JiraUser } from './get-myself';

const pageSchema = z.looseObject({
  values: z.array(jiraUserSchema),
  isLast: z.boolean().optional(),
  startAt: z.number().optional(),
  total: z.number().optional(),
});

/**
 * GET /rest/api/3/group/member, every page: the active members of a group. Stops at `limit`
 * members so a huge group (all users) cannot turn one click into thousands of teammates.
 */
export async function getGroupMembers(
  client: SiteClient,
  groupname: string,
  opts: { limit?: number; pageSize?: number } = {},
): Promise<{ members: JiraUser[]; truncated: boolean }> {
  const members: JiraUser[] = [];
  const limit = opts.limit ?? 500;
  const pageSize = opts.pageSize ?? 50;
  for (let startAt = 0; ; startAt += pageSize) {
    const path = withQuery('/rest/api/3/group/member', { groupname, startAt, maxResults: pageSize, includeInactiveUsers: false });
    const page = await parseResponse(await client.request('GET', path), pageSchema, 'Jira (group members)');
    members.push(...page.values);
    if (members.length >= limit) return { members: members.slice(0, limit), truncated: true };
    const done = page.isLast ?? (page.values.length < pageSize || (page.total !== undefined && startAt + pageSize >= page.total));
    if (done || page.values.length === 0) return { members, truncated: false };
  }
}
