import { z } from 'zod';
import { isNotFoundError } from '../errors';
import { parseResponse } from '../parse-response';
import { withQuery, type SiteClient } from '../site-client';

const bodySchema = z.looseObject({
  permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean() })),
});

/**
 * GET /rest/api/3/mypermissions?projectId=…&permissions=BROWSE_PROJECTS: whether the calling
 * identity can still browse the project. Jira answers 404 when "the project … is not found or the
 * user does not have permission to view the project": both mean "cannot read it" here.
 */
export async function canBrowseProject(client: SiteClient, projectId: string): Promise<boolean> {
  const path = withQuery('/rest/api/3/mypermissions', { projectId, permissions: 'BROWSE_PROJECTS' });
  try {
    const body = await parseResponse(await client.request('GET', path), bodySchema, 'Jira (my permissions)');
    return body.permissions.BROWSE_PROJECTS?.havePermission === true;
  } catch (e) {
    if (isNotFoundError(e)) return false;
    throw e;
  }
}
