import { z } from 'zod';
import type { Route } from '../router';
import { ApiError, badRequest, notFound, ok, type SiteRequest } from '../http-types';
import { parseBody } from '../body';
import { listParam } from '../paging';
import type { FixtureProject } from '../fixture-schema';
import { Viewer, viewerFor } from '../viewer';

/**
 * Permissions: POST /rest/api/3/permissions/check and GET /rest/api/3/mypermissions.
 * Project permissions follow browse access (ADMINISTER_PROJECTS needs Jira admin);
 * ADMINISTER is held by members of jira-administrators.
 */

interface PermissionDef { id: string; name: string; type: 'GLOBAL' | 'PROJECT'; adminOnly: boolean }
const PERMISSIONS: Record<string, PermissionDef> = {
  ADMINISTER: { id: '0', name: 'Administer Jira', type: 'GLOBAL', adminOnly: true },
  USER_PICKER: { id: '27', name: 'Browse users and groups', type: 'GLOBAL', adminOnly: false },
  BROWSE_PROJECTS: { id: '10', name: 'Browse Projects', type: 'PROJECT', adminOnly: false },
  CREATE_ISSUES: { id: '11', name: 'Create Issues', type: 'PROJECT', adminOnly: false },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', type: 'PROJECT', adminOnly: false },
  ADD_COMMENTS: { id: '15', name: 'Add Comments', type: 'PROJECT', adminOnly: false },
  WORK_ON_ISSUES: { id: '20', name: 'Work On Issues', type: 'PROJECT', adminOnly: false },
  ADMINISTER_PROJECTS: { id: '23', name: 'Administer Projects', type: 'PROJECT', adminOnly: true },
};

function definition(key: string, type?: 'GLOBAL' | 'PROJECT'): PermissionDef {
  const def = PERMISSIONS[key];
  if (!def || (type && def.type !== type)) throw badRequest(`Unrecognized permission: ${key}`, { permissions: key });
  return def;
}

function hasGlobal(viewer: Viewer, key: string): boolean {
  const def = definition(key);
  if (viewer.isApp) return !def.adminOnly;
  return viewer.user?.active === true && (!def.adminOnly || viewer.isJiraAdmin());
}

function hasInProject(viewer: Viewer, key: string, project: FixtureProject | undefined): boolean {
  const def = definition(key);
  return viewer.canBrowseProject(project) && (!def.adminOnly || viewer.isJiraAdmin());
}

const checkSchema = z.object({
  accountId: z.string().optional(),
  globalPermissions: z.array(z.string()).optional(),
  projectPermissions: z
    .array(z.object({ permissions: z.array(z.string()), projects: z.array(z.number().int()).optional(), issues: z.array(z.number().int()).optional() }))
    .optional(),
});

function check(req: SiteRequest): ReturnType<typeof ok> {
  const b = parseBody(checkSchema, req.body);
  let subject = req.viewer;
  if (b.accountId !== undefined && b.accountId !== req.viewer.user?.accountId) {
    if (!req.viewer.isApp && !req.viewer.isJiraAdmin()) {
      throw new ApiError(403, 'Only Jira administrators can check the permissions of other users.');
    }
    const user = req.state.usersById.get(b.accountId);
    if (!user) throw badRequest(`The user with account ID '${b.accountId}' does not exist.`, { accountId: 'unknown' });
    subject = viewerFor(req.state, user);
  }
  const globalPermissions = (b.globalPermissions ?? []).filter((k) => (definition(k, 'GLOBAL'), hasGlobal(subject, k)));
  const projectPermissions = (b.projectPermissions ?? []).flatMap((pp) =>
    pp.permissions.map((key) => {
      definition(key, 'PROJECT');
      const projects = (pp.projects ?? []).filter((id) => hasInProject(subject, key, req.state.projectsById.get(String(id))));
      const issues = (pp.issues ?? []).filter((id) => {
        const issue = req.state.issue(String(id));
        return subject.canSeeIssue(issue) && hasInProject(subject, key, req.state.projectsById.get(issue.projectId));
      });
      return { permission: key, projects, issues };
    }),
  );
  return ok({ globalPermissions: [...new Set(globalPermissions)], projectPermissions });
}

function contextProject(req: SiteRequest): FixtureProject | undefined | null {
  const q = req.query;
  const key = q.get('projectKey');
  const id = q.get('projectId');
  const issueRef = q.get('issueKey') ?? q.get('issueId');
  if (!key && !id && !issueRef) return null;
  let project: FixtureProject | undefined;
  if (issueRef) {
    const issue = req.state.issue(issueRef);
    if (!req.viewer.canSeeIssue(issue)) throw notFound('Issue does not exist or you do not have permission to see it.');
    project = req.state.projectsById.get(issue.projectId);
  } else {
    project = key ? req.state.projectsByKey.get(key.toUpperCase()) : req.state.projectsById.get(id ?? '');
  }
  // "404 if the project or issue is not found or the user does not have permission to view the
  // project or issue" (GET /rest/api/3/mypermissions): an unbrowsable project is a 404 too.
  if (!project || !req.viewer.canBrowseProject(project)) throw notFound(`No project could be found with ${key ? `key '${key}'` : `id '${id}'`}.`);
  return project;
}

function mine(req: SiteRequest): ReturnType<typeof ok> {
  const keys = listParam(req.query, 'permissions');
  if (keys.length === 0) throw badRequest("The 'permissions' query parameter is required.", { permissions: 'required' });
  const project = contextProject(req);
  const permissions: Record<string, unknown> = {};
  for (const key of keys) {
    const def = definition(key);
    const have =
      def.type === 'GLOBAL'
        ? hasGlobal(req.viewer, key)
        : project === null
          ? req.state.raw.projects.some((p) => hasInProject(req.viewer, key, p))
          : hasInProject(req.viewer, key, project);
    permissions[key] = { id: def.id, key, name: def.name, type: def.type, description: def.name, havePermission: have };
  }
  return ok({ permissions });
}

export const permissionRoutes: Route[] = [
  { method: 'POST', template: '/rest/api/3/permissions/check', handler: check },
  { method: 'GET', template: '/rest/api/3/mypermissions', handler: mine },
];
