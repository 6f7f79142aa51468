import { readSettings } from '../insights/config-queries';
import { decideDashboardAccess, type DashboardAccess } from './dashboard-access';
import { getViewerPermissions, type PermissionCacheDeps } from './permission-cache';
import type { Viewer } from './viewer-permissions';

/** May this viewer open the team dashboard (or anything showing the same data, like the gadget)? */
export async function checkDashboardAccess(deps: PermissionCacheDeps, viewer: Viewer): Promise<DashboardAccess> {
  const [settings, perms] = await Promise.all([readSettings(deps.kvs), getViewerPermissions(deps, viewer)]);
  return decideDashboardAccess(perms, settings);
}
