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
 * POST /rest/api/3/permissions/check: which of these projects (at most PROJECTS_PER_CHECK) the
 * caller may browse. It sends no `accountId`, so it must be called as the user concerned:
 * checking another account needs the Administer Jira global permission, which the app's own
 * user need not hold ("Administer Jira global permission to check the permissions for other
 * users, otherwise none";
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permissions/#api-rest-api-3-permissions-check-post).
 */
export async function getBrowsableProjects(client: SiteClient, projectIds: string[]): Promise<string[]> {
  const res = await client.request('POST', '/rest/api/3/permissions/check', {
    projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: projectIds.map(numericId) }],
  });
  const body = await parseResponse(res, permissionCheckSchema, 'Jira (permission check)');
  return body.projectPermissions.filter((p) => p.permission === 'BROWSE_PROJECTS').flatMap((p) => p.projects.map(String));
}
