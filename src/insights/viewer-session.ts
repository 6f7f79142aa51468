import { containerVisibility, decideDashboardAccess, type ContainerRef, type DashboardAccess, type SiteTitleGroups } from '../access/dashboard-access';
import { ensureContainerAnswers, getViewerPermissions, type PermissionCacheDeps } from '../access/permission-cache';
import type { Viewer, ViewerPermissions } from '../access/viewer-permissions';
import { HOST_DATA_SOURCE_ID, type Settings, type TeammatesDoc } from '../domain/config';
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
}

export async function openViewerSession(deps: InsightsDeps, viewer: Viewer): Promise<ViewerSession> {
  const [settings, roster, permissions] = await Promise.all([
    readSettings(deps.kvs),
    readTeammates(deps.kvs),
    getViewerPermissions(deps, viewer),
  ]);
  const access = decideDashboardAccess(permissions, settings);
  // Reads the permission maps and site groups at call time, so answers learned later count.
  let siteGroups: Map<string, SiteTitleGroups> | undefined;
  // Until the sites are read, and for a source no longer configured, another site's places count
  // as restricted (never shown by mistake, never by a default).
  const visible = containerVisibility(permissions, access, (id) => siteGroups?.get(id) ?? 'unknown-source');
  return {
    viewer,
    settings,
    roster,
    permissions,
    access,
    async learn(refs) {
      if (!access.allowed) return;
      const list = [...refs];
      // Other sites' groups are read only when their activity is on screen.
      const needSites = siteGroups === undefined && list.some((r) => r.dataSourceId !== HOST_DATA_SOURCE_ID);
      await Promise.all([
        ensureContainerAnswers(deps, viewer, permissions, list),
        needSites ? listDataSources(deps.kvs).then((all) => void (siteGroups = new Map(all.map((d) => [d.id, d.viewGroups ?? 'dashboard-groups'])))) : undefined,
      ]);
    },
    canSee: visible,
  };
}
