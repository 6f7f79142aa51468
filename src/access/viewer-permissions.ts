import type { ViewerPermissions } from '../store/permission-cache-repository';

/** Who is looking at the dashboard: the invoking user of the resolver. */
export interface Viewer {
  accountId: string;
}

/** What the viewer may see on the host site: a stored shape (src/store/permission-cache-repository.ts). */
export type { ViewerPermissions } from '../store/permission-cache-repository';
export type ViewerGroup = ViewerPermissions['groups'][number];

/** Asks the host site what one user may do. */
export interface ViewerPermissionSource {
  groups(accountId: string): Promise<ViewerGroup[]>;
  isJiraAdmin(accountId: string): Promise<boolean>;
  /** The subset of `projectIds` the user may browse. */
  browsableProjects(accountId: string, projectIds: string[]): Promise<string[]>;
  /** The subset of `spaceIds` the user may view. */
  viewableSpaces(accountId: string, spaceIds: string[]): Promise<string[]>;
  /** The subset of `issueIds` the user may see (project browse permission and security level). */
  viewableIssues(accountId: string, issueIds: string[]): Promise<string[]>;
  /** The subset of page and blog post ids the user may view (space permission and restrictions). */
  viewableContents(accountId: string, contentIds: string[]): Promise<string[]>;
}
