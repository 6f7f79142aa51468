import { z } from 'zod';
import { parseResponse } from '../parse-response';
import type { SiteClient } from '../site-client';

const schema = z.looseObject({ baseUrl: z.string().url() });

/** GET /rest/api/3/serverInfo: the site's own URL (how a trigger learns the host site URL). */
export async function getServerInfo(client: SiteClient): Promise<{ baseUrl: string }> {
  return parseResponse(await client.request('GET', '/rest/api/3/serverInfo'), schema, 'Jira server info');
}
