import type { KvsPort } from '../store/kvs-port';
import { KEY } from '../store/keys';
import { viewerPermissionsSchema, type Viewer, type ViewerPermissions, type ViewerPermissionSource } from './viewer-permissions';

/** Ten minutes: a revoked permission stops showing titles soon, and a busy team costs few checks. */
export const PERMISSION_TTL_SECONDS = 600;
const SCOPE = 'host';

export interface PermissionCacheDeps {
  kvs: KvsPort;
  permissions: ViewerPermissionSource;
  now: () => Date;
}

/** The viewer's host-site permissions, from the cache when fresh, else from the site. */
export async function getViewerPermissions(deps: PermissionCacheDeps, viewer: Viewer): Promise<ViewerPermissions> {
  const key = KEY.permissionCache(viewer.accountId, SCOPE);
  const cached = viewerPermissionsSchema.safeParse(await deps.kvs.get<unknown>(key));
  const nowMs = deps.now().getTime();
  // The KVS TTL is coarse; checkedAt makes the expiry exact and survives emulators without TTL.
  if (cached.success && nowMs - Date.parse(cached.data.checkedAt) < PERMISSION_TTL_SECONDS * 1000) {
    return cached.data;
  }
  const fresh: ViewerPermissions = { v: 1, checkedAt: new Date(nowMs).toISOString(), ...(await deps.permissions.load(viewer)) };
  await deps.kvs.set(key, fresh, { ttlSeconds: PERMISSION_TTL_SECONDS });
  return fresh;
}

/** Drops the cached answer, e.g. after an admin changes who may open the dashboard. */
export async function forgetViewerPermissions(kvs: KvsPort, accountId: string): Promise<void> {
  await kvs.delete(KEY.permissionCache(accountId, SCOPE));
}
