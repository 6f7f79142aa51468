import { z } from 'zod';
import { AuthError } from '../errors';
import { parseResponse } from '../parse-response';
import type { SiteClient } from '../site-client';

export const confluenceUserSchema = z.looseObject({
  /** known | unknown | anonymous | user (the v1 User schema); only `type` is required there. */
  type: z.string().optional(),
  accountId: z.string(),
  accountType: z.string().optional(),
  displayName: z.string().optional(),
  email: z.string().nullish(),
  publicName: z.string().optional(),
});
export type ConfluenceUser = z.infer<typeof confluenceUserSchema>;

const anyUserSchema = confluenceUserSchema.extend({ accountId: z.string().optional() });

/**
 * GET /wiki/rest/api/user/current: who the Confluence client is authenticated as. A refused
 * login on a site that allows anonymous access answers 200 with a user of `type: "anonymous"`
 * and no account id: that is an authentication failure (`AuthError`), not a user.
 */
export async function getCurrentUser(client: SiteClient): Promise<ConfluenceUser> {
  const res = await client.request('GET', '/wiki/rest/api/user/current');
  const user = await parseResponse(res, anyUserSchema, 'Confluence (current user)');
  if (user.type === 'anonymous' || !user.accountId) throw new AuthError();
  return { ...user, accountId: user.accountId };
}
