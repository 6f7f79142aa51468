import { z } from 'zod';
import { avatarUrlsSchema } from '../../domain/avatar';
import { parseResponse } from '../parse-response';
import type { SiteClient } from '../site-client';

export const jiraUserSchema = z.looseObject({
  accountId: z.string(),
  accountType: z.string().optional(),
  active: z.boolean().optional(),
  displayName: z.string().optional(),
  emailAddress: z.string().nullish(),
  timeZone: z.string().optional(),
  /** AvatarUrlsBean: one picture URL per size (`48x48`, …); read only through src/domain/avatar.ts. */
  avatarUrls: avatarUrlsSchema,
});
export type JiraUser = z.infer<typeof jiraUserSchema>;

/** GET /rest/api/3/myself: who the client is authenticated as (the connection test). */
export async function getMyself(client: SiteClient): Promise<JiraUser> {
  const res = await client.request('GET', '/rest/api/3/myself');
  return parseResponse(res, jiraUserSchema, 'Jira (myself)');
}
