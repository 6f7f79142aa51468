import { HOST_DATA_SOURCE_ID } from '../domain/config';
import type { KvsPort } from '../store/kvs-port';
import { createPermissionCacheRepository } from '../store/permission-cache-repository';
import type { ContainerRef } from './dashboard-access';
import type { Viewer, ViewerPermissions, ViewerPermissionSource } from './viewer-permissions';

/** Ten minutes: a revoked permission stops showing titles soon, and a busy team costs few checks. */
export const PERMISSION_TTL_SECONDS = 600;

export interface PermissionCacheDeps {
  kvs: KvsPort;
  permissions: ViewerPermissionSource;
  now: () => Date;
}

/** The viewer's groups and known answers, from the cache when fresh, else a new entry. */
export async function getViewerPermissions(deps: PermissionCacheDeps, viewer: Viewer): Promise<ViewerPermissions> {
  const cache = createPermissionCacheRepository(deps.kvs);
  const cached = await cache.get(viewer.accountId);
  const nowMs = deps.now().getTime();
  // The KVS TTL is coarse; checkedAt makes the expiry exact, also where TTL is not enforced.
  if (cached && nowMs - Date.parse(cached.checkedAt) < PERMISSION_TTL_SECONDS * 1000) return cached;
  const [groups, isJiraAdmin] = await Promise.all([
    deps.permissions.groups(viewer.accountId),
    deps.permissions.isJiraAdmin(viewer.accountId),
  ]);
  const fresh: ViewerPermissions = {
    checkedAt: new Date(nowMs).toISOString(),
    groups,
    isJiraAdmin,
    projects: {},
    spaces: {},
  };
  await cache.set(viewer.accountId, fresh, PERMISSION_TTL_SECONDS);
  return fresh;
}

/**
 * Makes sure the host projects and spaces among `refs` have an answer in `perms` (asking the
 * site only for the unknown ones) and stores the grown entry. Mutates and returns `perms`.
 */
export async function ensureContainerAnswers(
  deps: PermissionCacheDeps,
  viewer: Viewer,
  perms: ViewerPermissions,
  refs: Iterable<ContainerRef>,
): Promise<ViewerPermissions> {
  const projects = new Set<string>();
  const spaces = new Set<string>();
  for (const r of refs) {
    if (r.dataSourceId !== HOST_DATA_SOURCE_ID) continue;
    if (r.type === 'project' && !(r.id in perms.projects)) projects.add(r.id);
    if (r.type === 'space' && !(r.id in perms.spaces)) spaces.add(r.id);
  }
  if (projects.size === 0 && spaces.size === 0) return perms;
  const [okProjects, okSpaces] = await Promise.all([
    projects.size ? deps.permissions.browsableProjects(viewer.accountId, [...projects]) : Promise.resolve([]),
    spaces.size ? deps.permissions.viewableSpaces(viewer.accountId, [...spaces]) : Promise.resolve([]),
  ]);
  const p = new Set(okProjects);
  const s = new Set(okSpaces);
  for (const id of projects) perms.projects[id] = p.has(id);
  for (const id of spaces) perms.spaces[id] = s.has(id);
  const ageSec = Math.floor((deps.now().getTime() - Date.parse(perms.checkedAt)) / 1000);
  // Answers expire with the entry they join, so nothing is trusted past the TTL.
  await createPermissionCacheRepository(deps.kvs).set(viewer.accountId, perms, Math.max(1, PERMISSION_TTL_SECONDS - ageSec));
  return perms;
}
