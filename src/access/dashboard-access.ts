import { HOST_DATA_SOURCE_ID, type Settings } from '../domain/config';
import type { ViewerPermissions } from './viewer-permissions';

export const JIRA_ADMIN_GROUP = 'jira-administrators';

export interface DashboardAccess {
  allowed: boolean;
  isAdmin: boolean;
  /** Why access was refused, in words a user understands. */
  reason?: string;
  /** The groups that grant access, so the refusal can name them. */
  groups: string[];
}

/** Jira admins always get in; everyone else needs one of the groups chosen on the admin page. */
export function decideDashboardAccess(perms: ViewerPermissions, settings: Settings): DashboardAccess {
  const isAdmin = perms.isJiraAdmin || perms.groups.includes(JIRA_ADMIN_GROUP);
  const groups = [...new Set(settings.dashboardGroups)];
  if (isAdmin) return { allowed: true, isAdmin, groups };
  const member = perms.groups.some((g) => groups.includes(g));
  if (member) return { allowed: true, isAdmin, groups };
  const named = groups.length > 0 ? groups.join(', ') : 'no groups yet';
  return {
    allowed: false,
    isAdmin,
    groups,
    reason: `The team dashboard is open to Jira administrators and to members of: ${named}. Ask a Jira administrator to add you to one of these groups.`,
  };
}

export interface ContainerRef {
  dataSourceId: string;
  type: 'project' | 'space';
  id: string;
  /** Project key or space key. */
  key: string;
}

export type Restriction = 'permission' | 'privacy-mode' | null;

/**
 * Whether the viewer may see the title and link of activity in a project or space. Host-site
 * places follow the viewer's own browse permission; other sites' data is for the people allowed
 * to open the dashboard at all (admins and the dashboard groups), as the host cannot vouch for
 * anyone's access there.
 */
export function containerVisibility(perms: ViewerPermissions, access: DashboardAccess): (c: ContainerRef) => boolean {
  const projectIds = new Set(perms.projects.flatMap((p) => [`id:${p.id}`, `key:${p.key}`]));
  const spaceIds = new Set(perms.spaces.flatMap((s) => [`id:${s.id}`, `key:${s.key}`]));
  return (c) => {
    if (c.dataSourceId !== HOST_DATA_SOURCE_ID) return access.allowed;
    const set = c.type === 'project' ? projectIds : spaceIds;
    return set.has(`id:${c.id}`) || set.has(`key:${c.key}`);
  };
}

/** Privacy mode hides every title; otherwise the container's visibility decides. */
export function titleRestriction(settings: Settings, visible: boolean): Restriction {
  if (settings.privacyMode) return 'privacy-mode';
  return visible ? null : 'permission';
}
