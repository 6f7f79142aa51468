import { z } from 'zod';
import { parseResponse } from '../parse-response';
import type { SiteClient } from '../site-client';

const serverInfoSchema = z.looseObject({ baseUrl: z.string(), deploymentType: z.string().optional() });

/** GET /rest/api/3/serverInfo: the site's base URL, when the invocation context does not carry it. */
export async function getServerInfo(client: SiteClient): Promise<z.infer<typeof serverInfoSchema>> {
  return parseResponse(await client.request('GET', '/rest/api/3/serverInfo'), serverInfoSchema, 'Jira (server info)');
}
