import { containerVisibility, decideDashboardAccess, type ContainerRef, type DashboardAccess } from '../access/dashboard-access';
import { ensureContainerAnswers, getViewerPermissions, type PermissionCacheDeps } from '../access/permission-cache';
import type { Viewer, ViewerPermissions } from '../access/viewer-permissions';
import type { Settings, TeammatesDoc } from '../domain/config';
import { readSettings, readTeammates } from './config-queries';

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
  // Reads the permission maps at call time, so answers learned later count at once.
  const visible = containerVisibility(permissions, access);
  return {
    viewer,
    settings,
    roster,
    permissions,
    access,
    async learn(refs) {
      if (access.allowed) await ensureContainerAnswers(deps, viewer, permissions, refs);
    },
    canSee: visible,
  };
}
