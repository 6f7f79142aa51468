import {
  activityVisibility,
  containerVisibility,
  decideDashboardAccess,
  type ActivityVisibility,
  type ContainerRef,
  type DashboardAccess,
} from '../access/dashboard-access';
import { ensureContainerAnswers, getViewerPermissions, type PermissionCacheDeps } from '../access/permission-cache';
import type { Viewer, ViewerPermissions } from '../access/viewer-permissions';
import type { Activity } from '../domain/activity';
import { HOST_DATA_SOURCE_ID, type DataSource, type Settings, type TeammatesDoc } from '../domain/config';
import { listDataSources, readSettings, readTeammates } from './config-queries';

export type InsightsDeps = PermissionCacheDeps;

/** Everything a dashboard query needs to know about who asks, loaded in one parallel round. */
export interface ViewerSession {
  viewer: Viewer;
  settings: Settings;
  roster: TeammatesDoc;
  permissions: ViewerPermissions;
  access: DashboardAccess;
  /** Asks the host about the places not yet known; call before `canSee` on them. */
  learn(refs: Iterable<ContainerRef>): Promise<void>;
  canSee(c: ContainerRef): boolean;
  /**
   * Asks the host, as the viewer, which of these activities' issues and pages they may see (one
   * call per 100 issues and one per 100 pages); call before `visibilityOf` on them.
   */
  learnItems(activities: readonly Activity[]): Promise<void>;
  visibilityOf(a: Activity): ActivityVisibility;
}

const itemKey = (a: Activity) => `${a.entity.type === 'issue' ? 'issue' : 'content'}:${a.entity.id}`;

export async function openViewerSession(deps: InsightsDeps, viewer: Viewer): Promise<ViewerSession> {
  const [settings, roster, permissions] = await Promise.all([
    readSettings(deps.kvs),
    readTeammates(deps.kvs),
    getViewerPermissions(deps, viewer),
  ]);
  const access = decideDashboardAccess(permissions, settings);
  // Reads the permission maps and sites at call time, so answers learned later count.
  let sites: Map<string, DataSource> | undefined;
  // Until the sites are read, and for a source no longer configured, another site's places count
  // as restricted (never shown by mistake, never by a default).
  const visible = containerVisibility(permissions, access, (id) => {
    const ds = sites?.get(id);
    return ds === undefined ? 'unknown-source' : (ds.viewGroups ?? 'dashboard-groups');
  });
  // The viewer's answers for host issues and pages, for this call only.
  const items = new Map<string, boolean>();
  const loadSites = async (refs: readonly { dataSourceId: string }[]) => {
    // Other sites' settings are read only when their activity is on screen.
    if (sites !== undefined || !refs.some((r) => r.dataSourceId !== HOST_DATA_SOURCE_ID)) return;
    sites = new Map((await listDataSources(deps.kvs)).map((d) => [d.id, d]));
  };
  return {
    viewer,
    settings,
    roster,
    permissions,
    access,
    async learn(refs) {
      if (!access.allowed) return;
      const list = [...refs];
      await Promise.all([ensureContainerAnswers(deps, viewer, permissions, list), loadSites(list)]);
    },
    canSee: visible,
    async learnItems(activities) {
      if (!access.allowed) return;
      const host = activities.filter((a) => a.dataSourceId === HOST_DATA_SOURCE_ID && !items.has(itemKey(a)));
      const issueIds = [...new Set(host.filter((a) => a.entity.type === 'issue').map((a) => a.entity.id))];
      const contentIds = [...new Set(host.filter((a) => a.entity.type !== 'issue').map((a) => a.entity.id))];
      const [issues, contents] = await Promise.all([
        issueIds.length ? deps.permissions.viewableIssues(viewer.accountId, issueIds) : [],
        contentIds.length ? deps.permissions.viewableContents(viewer.accountId, contentIds) : [],
        loadSites(activities),
      ]);
      const seenIssues = new Set(issues);
      const seenContents = new Set(contents);
      for (const id of issueIds) items.set(`issue:${id}`, seenIssues.has(id));
      for (const id of contentIds) items.set(`content:${id}`, seenContents.has(id));
    },
    visibilityOf(a) {
      const ref: ContainerRef = { dataSourceId: a.dataSourceId, type: a.container.type, id: a.container.id };
      if (a.dataSourceId === HOST_DATA_SOURCE_ID) {
        return activityVisibility(settings, access.allowed && visible(ref), { host: true, itemVisible: access.allowed ? items.get(itemKey(a)) : false });
      }
      const showRestrictedTitles = sites?.get(a.dataSourceId)?.showRestrictedTitles === true;
      return activityVisibility(settings, visible(ref), { host: false, restricted: a.restricted ?? 'unknown', showRestrictedTitles });
    },
  };
}
