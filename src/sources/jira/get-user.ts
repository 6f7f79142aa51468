import { parseResponse } from '../parse-response';
import { withQuery, type SiteClient } from '../site-client';
import { jiraUserSchema, type JiraUser } from './get-myself';

/**
 * GET /rest/api/3/user?accountId= (operation getUser, classic scope read:jira-user): one user by
 * account ID. The site answers 404 (NotFoundError) when it has no such user, 403 when the caller
 * may not browse users
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-users/#api-rest-api-3-user-get).
 */
export async function getUser(client: SiteClient, accountId: string): Promise<JiraUser> {
  const res = await client.request('GET', withQuery('/rest/api/3/user', { accountId }));
  return parseResponse(res, jiraUserSchema, 'Jira user');
}
