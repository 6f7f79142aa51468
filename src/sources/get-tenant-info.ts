import { z } from 'zod';
import { cloudIdSchema } from '../domain/config';
import { parseResponse } from './parse-response';
import type { SiteClient } from './site-client';

const tenantInfoSchema = z.looseObject({ cloudId: cloudIdSchema });

/**
 * GET <site>/_edge/tenant_info: the site's cloud id, public (no credentials), which a scoped API
 * token's gateway address needs (`https://api.atlassian.com/ex/jira/{cloudId}`).
 * https://support.atlassian.com/atlassian-cloud/kb/401-unauthorized-error-when-service-account-accesses-jira-or-confluence-api
 * The id must be a UUID: it becomes a path segment of every request of the source.
 */
export async function getTenantCloudId(client: SiteClient): Promise<string> {
  const res = await client.request('GET', '/_edge/tenant_info');
  return (await parseResponse(res, tenantInfoSchema, 'the site (tenant info)')).cloudId.toLowerCase();
}
