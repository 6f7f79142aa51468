import { z } from 'zod';

/** Who is looking at the dashboard: the invoking user of the resolver. */
export interface Viewer {
  accountId: string;
}

/**
 * What the viewer may see on the host site, as the host site answered for them. Cached in KVS
 * (perm:<accountId>:host) with a short TTL: permission checks are expensive under the points
 * quota and the dashboard asks on every view.
 */
export const viewerPermissionsSchema = z.object({
  v: z.literal(1),
  checkedAt: z.string().datetime(),
  groups: z.array(z.string()),
  isJiraAdmin: z.boolean(),
  /** Projects the viewer may browse: ids and keys. */
  projects: z.array(z.object({ id: z.string(), key: z.string() })),
  /** Spaces the viewer may view: ids and keys; empty when the host has no Confluence. */
  spaces: z.array(z.object({ id: z.string(), key: z.string() })),
});
export type ViewerPermissions = z.infer<typeof viewerPermissionsSchema>;

/** Asks the host site what the viewer may do (implemented over product REST calls as the user). */
export interface ViewerPermissionSource {
  load(viewer: Viewer): Promise<Omit<ViewerPermissions, 'v' | 'checkedAt'>>;
}
