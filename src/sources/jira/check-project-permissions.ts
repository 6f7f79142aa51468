import { z } from 'zod';
import { parseResponse } from '../parse-response';
import { numericId, type SiteClient } from '../site-client';

/** Project ids a call may carry: the endpoint's own limit. */
export const PROJECTS_PER_CHECK = 1000;

const permissionCheckSchema = z.looseObject({
  projectPermissions: z
    .array(z.looseObject({ permission: z.string(), projects: z.array(z.union([z.number(), z.string()])).default([]) }))
    .default([]),
});

/**
 * POST /rest/api/3/permissions/check: which of these projects (at most PROJECTS_PER_CHECK) an
 * account may browse. Asked as the app, for the given account.
 */
export async function getBrowsableProjects(client: SiteClient, accountId: string, projectIds: string[]): Promise<string[]> {
  const res = await client.request('POST', '/rest/api/3/permissions/check', {
    accountId,
    projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: projectIds.map(numericId) }],
  });
  const body = await parseResponse(res, permissionCheckSchema, 'Jira (permission check)');
  return body.projectPermissions.filter((p) => p.permission === 'BROWSE_PROJECTS').flatMap((p) => p.projects.map(String));
}
