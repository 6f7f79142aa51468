import { z } from 'zod';

/** Who is looking at the dashboard: the invoking user of the resolver. */
export interface Viewer {
  accountId: string;
}

/**
 * What the viewer may see on the host site, as the host site answered. Cached in KVS
 * (perm:<accountId>:host) with a short TTL, because permission checks are costly under the
 * points quota and the dashboard asks on every view. Projects and spaces are checked lazily,
 * only the ones that have activity on screen, and remembered per id.
 */
export const viewerPermissionsSchema = z.object({
  v: z.literal(1),
  checkedAt: z.string().datetime(),
  groups: z.array(z.object({ name: z.string(), groupId: z.string().optional() })),
  /** Holds the global "Administer Jira" permission. */
  isJiraAdmin: z.boolean(),
  /** Host project id → may browse. */
  projects: z.record(z.string(), z.boolean()),
  /** Host space id → may view. */
  spaces: z.record(z.string(), z.boolean()),
});
export type ViewerPermissions = z.infer<typeof viewerPermissionsSchema>;
export type ViewerGroup = ViewerPermissions['groups'][number];

/** Asks the host site what one user may do. */
export interface ViewerPermissionSource {
  groups(accountId: string): Promise<ViewerGroup[]>;
  isJiraAdmin(accountId: string): Promise<boolean>;
  /** The subset of `projectIds` the user may browse. */
  browsableProjects(accountId: string, projectIds: string[]): Promise<string[]>;
  /** The subset of `spaceIds` the user may view. */
  viewableSpaces(accountId: string, spaceIds: string[]): Promise<string[]>;
}
