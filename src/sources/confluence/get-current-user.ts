import { z } from 'zod';
import { parseResponse } from '../parse-response';
import type { SiteClient } from '../site-client';

export const confluenceUserSchema = z.looseObject({
  accountId: z.string(),
  accountType: z.string().optional(),
  displayName: z.string().optional(),
  email: z.string().nullish(),
  publicName: z.string().optional(),
});
export type ConfluenceUser = z.infer<typeof confluenceUserSchema>;

/** GET /wiki/rest/api/user/current: who the Confluence client is authenticated as. */
export async function getCurrentUser(client: SiteClient): Promise<ConfluenceUser> {
  const res = await client.request('GET', '/wiki/rest/api/user/current');
  return parseResponse(res, confluenceUserSchema, 'Confluence (current user)');
}
