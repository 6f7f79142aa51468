import type { ItemRestriction } from '../domain/activity';
import { HOST_DATA_SOURCE_ID, type Settings } from '../domain/config';
import type { ViewerPermissions } from './viewer-permissions';

export interface DashboardAccess {
  allowed: boolean;
  isAdmin: boolean;
  /** Why access was refused, in words a user understands. */
  reason?: string;
  /** The groups that grant access, so the refusal can name them. */
  groups: string[];
}

/** Jira admins always get in; everyone else needs one of the groups chosen on the admin page. */
export function decideDashboardAccess(perms: Pick<ViewerPermissions, 'groups' | 'isJiraAdmin'>, settings: Settings): DashboardAccess {
  const names = perms.groups.map((g) => g.name);
  const isAdmin = perms.isJiraAdmin;
  const groups = [...new Set(settings.dashboardGroups)];
  if (isAdmin || names.some((g) => groups.includes(g))) return { allowed: true, isAdmin, groups };
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
}

/**
 * Why a title and link are hidden: the viewer may not see the project or space ('permission'),
 * or the issue or page itself is restricted ('restricted-item'), or privacy mode is on.
 */
export type Restriction = 'permission' | 'restricted-item' | 'privacy-mode' | null;

/**
 * Who may see another site's titles: the groups chosen for that data source, the dashboard groups
 * when it has none of its own, or nobody when the data source is unknown (deleted, its activities
 * not purged yet, or not read yet): an unknown source never falls back to a default.
 */
export type SiteTitleGroups = readonly string[] | 'dashboard-groups' | 'unknown-source';

/**
 * Whether the viewer may see titles and links of activity in a project or space. Host-site
 * places follow the viewer's own browse permission (unknown = not visible). The host cannot
 * vouch for anyone's access to another site, so that data is for Jira admins and the groups
 * allowed for that site (`viewGroups` of the data source; by default the dashboard groups), and
 * for nobody when the site is not a known data source.
 */
export function containerVisibility(
  perms: ViewerPermissions,
  access: DashboardAccess,
  siteGroups: (dataSourceId: string) => SiteTitleGroups = () => 'unknown-source',
): (c: ContainerRef) => boolean {
  const mine = new Set(perms.groups.map((g) => g.name));
  return (c) => {
    if (c.dataSourceId !== HOST_DATA_SOURCE_ID) {
      if (!access.allowed) return false;
      const allowedGroups = siteGroups(c.dataSourceId);
      if (allowedGroups === 'unknown-source') return false;
      return access.isAdmin || allowedGroups === 'dashboard-groups' || allowedGroups.some((g) => mine.has(g));
    }
    return (c.type === 'project' ? perms.projects[c.id] : perms.spaces[c.id]) === true;
  };
}

export interface ActivityVisibility {
  /** Whether the project or space name may be shown. */
  containerVisible: boolean;
  /** Null when the title and link may be shown. */
  restriction: Restriction;
}

export type ItemAccess =
  /** Host site: the site's own answer for this viewer (undefined = not asked: not visible). */
  | { host: true; itemVisible: boolean | undefined }
  /** Another site: what the sync recorded about the item, and the source's setting. */
  | { host: false; restricted: ItemRestriction; showRestrictedTitles: boolean };

/**
 * Whether one activity's title and link may be shown. Host: the viewer must be able to see the
 * issue or page itself (security level and page restrictions included); seeing it implies its
 * project or space. Another site: the place's groups, and an item with a security level or
 * restriction, or one not known to have none, only where the admin allows titles of restricted
 * items for that source.
 */
export function activityVisibility(settings: Settings, containerVisible: boolean, item: ItemAccess): ActivityVisibility {
  let restriction: Restriction;
  if (item.host) {
    const placeVisible = containerVisible || item.itemVisible === true;
    restriction = item.itemVisible === true ? null : placeVisible ? 'restricted-item' : 'permission';
    return { containerVisible: placeVisible, restriction: settings.privacyMode ? 'privacy-mode' : restriction };
  }
  const itemOpen = item.restricted === false || item.showRestrictedTitles;
  restriction = !containerVisible ? 'permission' : itemOpen ? null : 'restricted-item';
  return { containerVisible, restriction: settings.privacyMode ? 'privacy-mode' : restriction };
}
