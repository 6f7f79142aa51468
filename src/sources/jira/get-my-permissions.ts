import { z } from 'zod';
import { parseResponse } from '../parse-response';
import { withQuery, type SiteClient } from '../site-client';

const bodySchema = z.looseObject({
  permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean() })),
});

/**
 * GET /rest/api/3/mypermissions for the calling user (the client must act as that user):
 * whether they hold each of the given global or project permissions.
 */
export async function getMyPermissions(client: SiteClient, keys: string[]): Promise<Record<string, boolean>> {
  const res = await client.request('GET', withQuery('/rest/api/3/mypermissions', { permissions: keys.join(',') }));
  const body = await parseResponse(res, bodySchema, 'Jira (my permissions)');
  return Object.fromEntries(keys.map((k) => [k, body.permissions[k]?.havePermission === true]));
}
