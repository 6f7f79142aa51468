import type { FixtureContent, FixtureIssue, FixtureProject, FixtureSpace, FixtureUser } from './fixture-schema';
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
    return (
      issue !== undefined &&
      !issue.deletedAt &&
      this.canBrowseProject(this.state.projectsById.get(issue.projectId)) &&
      this.inSecurityLevel(issue.securityLevelId)
    );
  }
  /**
   * An issue with a security level is seen only by the level's members, even by users who may
   * browse its project (the app is let through: see docs/site-fixture.md).
   */
  private inSecurityLevel(levelId: string | undefined): boolean {
    const user = this.user;
    if (levelId === undefined || !user) return true;
    const level = this.state.raw.securityLevels?.find((l) => l.id === levelId);
    return level !== undefined && (level.accountIds.includes(user.accountId) || level.groups.some((g) => user.groups.includes(g)));
  }
  canViewSpace(space: FixtureSpace | undefined): boolean {
    return space !== undefined && this.inAny(space.viewGroups);
  }
  /** The space's view permission and every read restriction on the page and its ancestors. */
  canSeeContent(content: FixtureContent | undefined): boolean {
    if (content === undefined || !this.canViewSpace(this.state.spacesById.get(content.spaceId))) return false;
    const user = this.user;
    if (!user) return true;
    const seen = new Set<string>();
    for (let c: FixtureContent | undefined = content; c && !seen.has(c.id); c = c.parentId ? this.state.contentsById.get(c.parentId) : undefined) {
      seen.add(c.id);
      const r = c.readRestrictions;
      if (r && !r.accountIds.includes(user.accountId) && !r.groups.some((g) => user.groups.includes(g))) return false;
    }
    return true;
  }
  /** The read restrictions that apply to content: its own and its ancestors' (nearest first). */
  readRestrictionsOf(content: FixtureContent): { content: FixtureContent; groups: string[]; accountIds: string[] }[] {
    const out: { content: FixtureContent; groups: string[]; accountIds: string[] }[] = [];
    const seen = new Set<string>();
    for (let c: FixtureContent | undefined = content; c && !seen.has(c.id); c = c.parentId ? this.state.contentsById.get(c.parentId) : undefined) {
      seen.add(c.id);
      if (c.readRestrictions) out.push({ content: c, ...c.readRestrictions });
    }
    return out;
  }
  isJiraAdmin(): boolean {
    return this.user?.groups.includes(ADMIN_GROUP) ?? false;
  }
}

/** What another user (not the caller) may do; used by permission checks. */
export function viewerFor(state: SiteState, user: FixtureUser): Viewer {
  return new Viewer(state, { kind: 'user', user, via: 'forge' });
}
