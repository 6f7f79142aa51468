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

/** The account an email belongs to, if exactly that email is visible or matched. */
export async function findUserByEmail(client: SiteClient, email: string): Promise<JiraUser | undefined> {
  const wanted = email.trim().toLowerCase();
  const users = await searchUsers(client, wanted, { maxResults: 10 });
  const exact = users.filter((u) => u.emailAddress?.toLowerCase() === wanted);
  if (exact.length === 1) return exact[0];
  // A user who hides their email is only returned for an exact query, without the address.
  const hidden = users.filter((u) => !u.emailAddress && u.accountType !== 'app');
  return exact.length === 0 && hidden.length === 1 ? hidden[0] : undefined;
}
