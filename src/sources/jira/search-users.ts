import { z } from 'zod';
import { parseResponse } from '../parse-response';
import { withQuery, type SiteClient } from '../site-client';
import { jiraUserSchema, type JiraUser } from './get-myself';

/**
 * GET /rest/api/3/user/search: prefix match on display name or email; a hidden email only
 * matches exactly. Without "Browse users" permission the site answers an empty list.
 */
export async function searchUsers(
  client: SiteClient,
  query: string,
  opts: { maxResults?: number } = {},
): Promise<JiraUser[]> {
  const path = withQuery('/rest/api/3/user/search', { query, maxResults: opts.maxResults ?? 50 });
  const res = await client.request('GET', path);
  return parseResponse(res, z.array(jiraUserSchema), 'Jira user search');
}

