import type { FixtureIssue, FixtureProject, FixtureSpace, FixtureUser } from './fixture-schema';
import type { SiteState } from './site-state';

/** Who is calling: the Forge app itself, or a user (Forge asUser or an API token). */
export type Identity =
  | { kind: 'app' }
  | { kind: 'user'; user: FixtureUser; via: 'token' | 'forge' }
  /** No valid credentials on a site that allows anonymous access; sees no project or space. */
  | { kind: 'anonymous' };

export const ADMIN_GROUP = 'jira-administrators';
const APP_TIME_ZONE = 'UTC';

/** Per-request visibility: the app sees everything, a user sees what their groups allow. */
export class Viewer {
  constructor(
    readonly state: SiteState,
    readonly identity: Identity,
  ) {}

  get user(): FixtureUser | undefined {
    return this.identity.kind === 'user' ? this.identity.user : undefined;
  }
  get isApp(): boolean {
    return this.identity.kind === 'app';
  }
  get isAnonymous(): boolean {
    return this.identity.kind === 'anonymous';
  }
  /** Zone Jira renders dates in and reads date literals in. */
  get timeZone(): string {
    return this.user?.timeZone ?? APP_TIME_ZONE;
  }
  get label(): string {
    if (this.identity.kind === 'user') return `user:${this.identity.user.accountId}`;
    return this.identity.kind;
  }

  private inAny(groups: string[] | undefined): boolean {
    const user = this.user;
    if (!user) return this.isApp;
    if (!user.active) return false;
    if (groups === undefined) return true;
    return groups.some((g) => user.groups.includes(g));
  }

  canBrowseProject(project: FixtureProject | undefined): boolean {
    return project !== undefined && this.inAny(project.browseGroups);
  }
  canSeeIssue(issue: FixtureIssue | undefined): issue is FixtureIssue {
    return issue !== undefined && !issue.deletedAt && this.canBrowseProject(this.state.projectsById.get(issue.projectId));
  }
  canViewSpace(space: FixtureSpace | undefined): boolean {
    return space !== undefined && this.inAny(space.viewGroups);
  }
  isJiraAdmin(): boolean {
    return this.user?.groups.includes(ADMIN_GROUP) ?? false;
  }
}

/** What another user (not the caller) may do; used by permission checks. */
export function viewerFor(state: SiteState, user: FixtureUser): Viewer {
  return new Viewer(state, { kind: 'user', user, via: 'forge' });
}
