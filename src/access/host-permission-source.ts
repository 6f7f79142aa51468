import { z } from 'zod';
import { cursorPages } from '../sources/confluence/paging';
import { NotFoundError } from '../sources/errors';
import { getUserGroups } from '../sources/jira/get-user-groups';
import { parseResponse } from '../sources/parse-response';
import { numericId, segment, withQuery, type SiteClient } from '../sources/site-client';
import type { ViewerGroup, ViewerPermissionSource } from './viewer-permissions';

const PROJECTS_PER_CHECK = 1000;
const SPACE_CHECKS_IN_FLIGHT = 5;

const permissionCheckSchema = z.looseObject({
  projectPermissions: z
    .array(z.looseObject({ permission: z.string(), projects: z.array(z.union([z.number(), z.string()])).default([]) }))
    .default([]),
});

const spaceAssignmentSchema = z.looseObject({
  principal: z.looseObject({ type: z.string(), id: z.string() }).optional(),
  operation: z.looseObject({ key: z.string(), targetType: z.string() }).optional(),
});

/**
 * The host site's answers about one user, asked as the app so no user consent is needed:
 * groups (the same call the admin check makes), Jira's bulk permission check for projects, and
 * each space's permission assignments matched against the user and their groups.
 */
export function createHostPermissionSource(hostJira: SiteClient, hostConfluence: SiteClient | undefined): ViewerPermissionSource {
  return {
    async groups(accountId) {
      const groups = await getUserGroups(hostJira, accountId);
      return groups.map((g) => ({ name: g.name, ...(g.groupId ? { groupId: g.groupId } : {}) }));
    },

    async browsableProjects(accountId, projectIds) {
      const out: string[] = [];
      for (let i = 0; i < projectIds.length; i += PROJECTS_PER_CHECK) {
        const chunk = projectIds.slice(i, i + PROJECTS_PER_CHECK);
        const res = await hostJira.request('POST', '/rest/api/3/permissions/check', {
          accountId,
          projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: chunk.map(numericId) }],
        });
        const body = await parseResponse(res, permissionCheckSchema, 'Jira (permission check)');
        for (const p of body.projectPermissions) {
          if (p.permission === 'BROWSE_PROJECTS') out.push(...p.projects.map(String));
        }
      }
      return out;
    },

    async viewableSpaces(accountId, groups, spaceIds) {
      if (!hostConfluence) return [];
      const out: string[] = [];
      const queue = [...spaceIds];
      const worker = async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          if (await canViewSpace(hostConfluence, accountId, groups, id)) out.push(id);
        }
      };
      await Promise.all(Array.from({ length: Math.min(SPACE_CHECKS_IN_FLIGHT, queue.length) }, worker));
      return out;
    },
  };
}

async function canViewSpace(client: SiteClient, accountId: string, groups: ViewerGroup[], spaceId: string): Promise<boolean> {
  const groupIds = new Set(groups.flatMap((g) => (g.groupId ? [g.groupId] : [])));
  const path = withQuery(`/wiki/api/v2/spaces/${segment(spaceId)}/permissions`, { limit: 250 });
  try {
    for await (const page of cursorPages(client, path, spaceAssignmentSchema, 'Confluence (space permissions)')) {
      for (const a of page.results) {
        if (a.operation?.key !== 'read' || a.operation.targetType !== 'space' || !a.principal) continue;
        if (a.principal.type === 'user' && a.principal.id === accountId) return true;
        if (a.principal.type === 'group' && groupIds.has(a.principal.id)) return true;
      }
    }
  } catch (e) {
    // A space that is gone (or a site without Confluence) is one nobody may view.
    if (e instanceof NotFoundError) return false;
    throw e;
  }
  return false;
}
