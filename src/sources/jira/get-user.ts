import { z } from 'zod';
import { parseResponse } from '../parse-response';
import { withQuery, type SiteClient } from '../site-client';

/** What an account check reads of Jira's User bean; other fields pass through. */
export const userByIdSchema = z.looseObject({
  accountId: z.string(),
  displayName: z.string().optional(),
  accountType: z.string().optional(),
  /** AvatarUrlsBean: read only through src/domain/avatar.ts. */
  avatarUrls: z.unknown().optional(),
});
export type UserById = z.infer<typeof userByIdSchema>;

/**
 * GET /rest/api/3/user?accountId= (operation getUser, classic scope read:jira-user): one user by
 * account ID. The site answers 404 (NotFoundError) when it has no such user, 403 when the caller
 * may not browse users
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-users/#api-rest-api-3-user-get).
 */
export async function getUser(client: SiteClient, accountId: string): Promise<UserById> {
  const res = await client.request('GET', withQuery('/rest/api/3/user', { accountId }));
  return parseResponse(res, userByIdSchema, 'Jira user');
}
