import type {
  FixtureContent,
  FixtureIssue,
  FixtureProject,
  FixtureSpace,
  FixtureStatus,
  FixtureUser,
  SiteFixture,
} from './fixture-schema';
import { parseSiteFixture } from './fixture-schema';
import { jiraMutations, type JiraMutations } from './state/jira-mutations';
import { confluenceMutations, type ConfluenceMutations } from './state/confluence-mutations';

/**
 * The live, mutable state of one emulated site. Handlers read through the lookup helpers;
 * tests change it through the mutation methods, each of which returns the Forge product event
 * the change would emit on a real site.
 */
export class SiteState {
  private data: SiteFixture;
  private nowOverride: number | null = null;
  private idCounter = 0;
  readonly usersById = new Map<string, FixtureUser>();
  readonly usersByEmail = new Map<string, FixtureUser>();
  readonly issuesById = new Map<string, FixtureIssue>();
  readonly issuesByKey = new Map<string, FixtureIssue>();
  readonly projectsById = new Map<string, FixtureProject>();
  readonly projectsByKey = new Map<string, FixtureProject>();
  readonly statusesById = new Map<string, FixtureStatus>();
  readonly spacesById = new Map<string, FixtureSpace>();
  readonly contentsById = new Map<string, FixtureContent>();
  /**
   * At most this many issues per search/jql page (unset: the documented caps). The operation
   * says the API "may return fewer items per page"; tests use it to page small sites.
   */
  searchPageCap: number | undefined;
  /** Called before the site answers each request (tests change the site between pages with it). */
  onRequest: ((req: { method: string; path: string }) => void) | undefined;
  /** Issue id → how many more bulkfetch answers list it in `issueErrors` (see `failBulkfetch`). */
  readonly bulkfetchFailures = new Map<string, number>();

  constructor(fixture: SiteFixture) {
    this.data = structuredClone(parseSiteFixture(fixture));
    this.reindex();
  }

  get name(): string {
    return this.data.name;
  }
  get cloudId(): string {
    return this.data.cloudId;
  }
  get hasConfluence(): boolean {
    return this.data.confluence;
  }
  /** Whether a request without valid credentials is served as the anonymous user (see auth.ts). */
  get anonymousAccess(): boolean {
    return this.data.anonymousAccess === true;
  }
  setAnonymousAccess(on: boolean): void {
    this.data.anonymousAccess = on;
  }
  /** https://<name>.atlassian.net */
  get siteUrl(): string {
    return `https://${this.data.name}.atlassian.net`;
  }
  /** The current state as a fixture (a copy: editing it changes nothing here). */
  get fixture(): SiteFixture {
    return structuredClone(this.data);
  }
  /** Direct access for handlers and mutations inside the emulator. */
  get raw(): SiteFixture {
    return this.data;
  }

  now(): number {
    return this.nowOverride ?? Date.now();
  }

  /**
   * How far CQL search lags behind the site: content and comments created less than this long
   * ago are not found yet (the search index is updated from a queue, not at once:
   * https://confluence.atlassian.com/doc/content-index-administration-148844.html). The v2 API
   * and product events are not affected. 0 (the default) = no lag.
   */
  cqlIndexLagMs = 0;
  setCqlIndexLag(ms: number): void {
    this.cqlIndexLagMs = Math.max(0, ms);
  }
  /** Freezes the site clock (ISO instant or epoch ms); null returns to the wall clock. */
  setNow(at: string | number | null): void {
    this.nowOverride = at === null ? null : typeof at === 'number' ? at : Date.parse(at);
  }
  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  /** A fresh numeric id, larger than every numeric id in the fixture. */
  nextId(): string {
    if (this.idCounter === 0) {
      const ids = [
        ...this.data.issues.flatMap((i) => [i.id, ...i.changelog.map((h) => h.id), ...i.comments.map((c) => c.id), ...i.worklogs.map((w) => w.id)]),
        ...this.data.contents.flatMap((c) => [c.id, ...c.comments.map((m) => m.id)]),
      ];
      this.idCounter = Math.max(100000, ...ids.map(Number).filter(Number.isFinite));
    }
    this.idCounter += 1;
    return String(this.idCounter);
  }

  reindex(): void {
    const d = this.data;
    const fill = <T>(map: Map<string, T>, items: T[], key: (t: T) => string): void => {
      map.clear();
      for (const it of items) map.set(key(it), it);
    };
    fill(this.usersById, d.users, (u) => u.accountId);
    fill(this.usersByEmail, d.users, (u) => u.email.toLowerCase());
    fill(this.issuesById, d.issues, (i) => i.id);
    fill(this.issuesByKey, d.issues, (i) => i.key);
    fill(this.projectsById, d.projects, (p) => p.id);
    fill(this.projectsByKey, d.projects, (p) => p.key);
    fill(this.statusesById, d.statuses, (s) => s.id);
    fill(this.spacesById, d.spaces, (s) => s.id);
    fill(this.contentsById, d.contents, (c) => c.id);
  }

  /**
   * The next `times` bulkfetch answers that ask for these issues (ids or keys) list them in
   * `issueErrors` instead of `issues`, as Jira does for "a retriable error or payload constraint".
   */
  failBulkfetch(idsOrKeys: string[], times = Number.POSITIVE_INFINITY): void {
    for (const k of idsOrKeys) {
      const issue = this.issuesById.get(k) ?? this.issuesByKey.get(k.toUpperCase());
      if (issue) this.bulkfetchFailures.set(issue.id, times);
    }
  }

  /** Live (not deleted) issue by id or key. */
  issue(idOrKey: string): FixtureIssue | undefined {
    const issue = this.issuesById.get(idOrKey) ?? this.issuesByKey.get(idOrKey.toUpperCase());
    return issue && !issue.deletedAt ? issue : undefined;
  }
  liveIssues(): FixtureIssue[] {
    return this.data.issues.filter((i) => !i.deletedAt);
  }
  /** Content outside the trash: current and archived (archived pages keep their comments). */
  liveContents(): FixtureContent[] {
    return this.data.contents.filter((c) => c.status === 'current' || c.status === 'archived');
  }
  groupId(name: string): string | undefined {
    return this.data.groups.find((g) => g.name === name)?.groupId;
  }
}

export interface SiteState extends JiraMutations, ConfluenceMutations {}
Object.assign(SiteState.prototype, jiraMutations, confluenceMutations);
