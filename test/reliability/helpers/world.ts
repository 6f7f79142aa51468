import { generateSite } from '../../../local/fixtures/generator';
import { type LocalPlatform, virtualSleep } from '../../../local/platform';
import type { SiteFixture } from '../../../local/site/fixture-schema';
import { seededRandom } from '../../../local/site/rng';
import type { Activity } from '../../../src/domain/activity';
import { decodeActivity } from '../../../src/store/activity-format';
import { decodeRollupWeek, type RollupWeek } from '../../../src/store/rollup-week-format';
import { setSyncSleep } from '../../../src/sync/clock';
import { DEFAULT_LIMITS } from '../../../src/sync/sync-deps';
import { startTestPlatform } from '../../helpers/test-platform';
import { driveSyncToDone } from './sync-driver';

/**
 * A scaled-down Forge world for reliability tests, on the local platform's virtual time: an
 * invocation's clock moves only by the modelled cost of its requests and the waits it asks for,
 * so where it stops and continues does not depend on the machine's speed. The invocation
 * limits (300 s → 3 s) and the sync's safety margin before the deadline are divided by SCALE.
 * Retry waits go through the sync's sleep seam to virtualSleep: they cost the invocation their
 * full time but no real time. Between trigger rounds the test moves the wall clock forward
 * (Date.now offset), as the next scheduled tick would come later in real life: the interval is
 * due again and a lease left by a frozen invocation expired.
 */
export const SCALE = 100;
export const INVOCATION_MS = 300_000 / SCALE;

let offsetMs = 0;
const realNow = Date.now.bind(Date);

export interface TestClock {
  /** Moves Date.now() forward (the next scheduled tick). */
  advance(ms: number): void;
  /** Restarts the seeded Math.random (retry jitter) so a schedule replays the same waits. */
  seedRandom(seed: number): void;
  restore(): void;
}

/** Installs the test clock and the virtual sleep: call before the first invocation of a test file. */
export function installScaledTime(opts: { scaledLimits?: boolean } = {}): TestClock {
  const spy = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offsetMs);
  // The retrying client jitters its backoff with Math.random; in virtual time a wait is charged
  // to the invocation, so a seeded sequence keeps the continuation points reproducible.
  let random = seededRandom(1);
  const randomSpy = jest.spyOn(Math, 'random').mockImplementation(() => random());
  // The services read their limits once, on first use in this module registry. Without scaled
  // limits, invocations keep Forge's own (startWorld with scaledLimits: false).
  if (opts.scaledLimits !== false) Object.assign(DEFAULT_LIMITS, { safetyMs: DEFAULT_LIMITS.safetyMs / SCALE });
  setSyncSleep(virtualSleep);
  return {
    advance(ms: number) {
      offsetMs += ms;
    },
    seedRandom(seed: number) {
      random = seededRandom(seed);
    },
    restore() {
      spy.mockRestore();
      randomSpy.mockRestore();
      setSyncSleep(undefined);
    },
  };
}

export const ADMIN_FN = 'admin-resolver';
export const DASHBOARD_FN = 'dashboard-resolver';
export const GADGET_FN = 'gadget-resolver';

export type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; field?: string } };

/** A small generated site, its history ending two hours ago (all of it inside the sync window). */
export function smallSite(seed: number, extra: Partial<Parameters<typeof generateSite>[0]> = {}): SiteFixture {
  const end = new Date(Math.floor((Date.now() - 2 * 3_600_000) / 3_600_000) * 3_600_000).toISOString();
  return generateSite({ seed, users: 5, projects: 2, restrictedProjects: 1, issues: 10, spaces: 1, pages: 5, days: 20, now: end, historiesPerIssue: 3, commentsPerIssue: 1.5, worklogsPerIssue: 1.5, versionsPerPage: 2, commentsPerPage: 1, ...extra });
}

export function adminOf(site: SiteFixture): string {
  const id = site.roles?.admin ?? site.users.find((u) => u.groups.includes('jira-administrators'))?.accountId;
  if (!id) throw new Error('fixture has no Jira admin');
  return id;
}

export async function callAdmin<T>(p: LocalPlatform, accountId: string, key: string, payload: unknown): Promise<Envelope<T>> {
  return (await p.runtime.invokeResolver(ADMIN_FN, key, payload, { accountId, extension: { type: 'jira:adminPage' } })) as Envelope<T>;
}

export async function mustAdmin<T>(p: LocalPlatform, accountId: string, key: string, payload: unknown): Promise<T> {
  const r = await callAdmin<T>(p, accountId, key, payload);
  if (!r.ok) throw new Error(`${key}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** Maps every active human user of the site as a teammate (by account id); returns accountId → teammateId. */
export async function mapTeammates(p: LocalPlatform, site: SiteFixture, opts: { users?: string[]; admin?: string } = {}): Promise<Map<string, string>> {
  const admin = opts.admin ?? adminOf(site);
  const mapping = new Map<string, string>();
  const people = site.users.filter((u) => u.active && u.accountType !== 'app' && (!opts.users || opts.users.includes(u.accountId)));
  for (const u of people) {
    const saved = await mustAdmin<{ teammate: { id: string } }>(p, admin, 'teammates/save', {
      name: u.displayName,
      externalIds: [{ dataSourceId: '*', type: 'accountId', value: u.accountId }],
    });
    mapping.set(u.accountId, saved.teammate.id);
  }
  return mapping;
}

export function storedActivities(p: LocalPlatform): Activity[] {
  const rows = p.kvs.dump().entities.activity ?? {};
  return Object.entries(rows).map(([key, r]) => decodeActivity(r, key));
}

export function storedRollups(p: LocalPlatform): Map<string, RollupWeek> {
  const rows = p.kvs.dump().entities['rollup-week'] ?? {};
  const out = new Map<string, RollupWeek>();
  for (const [key, r] of Object.entries(rows)) {
    const doc = decodeRollupWeek((r as { data: unknown }).data, key);
    out.set(doc.week, doc);
  }
  return out;
}

/** The platform of a reliability test: virtual time, scaled sync limits unless told otherwise. */
export async function startWorld(sites: SiteFixture[], seed = 1, opts: { scaledLimits?: boolean } = {}): Promise<LocalPlatform> {
  return startTestPlatform({
    sites,
    seed,
    ...(opts.scaledLimits === false ? {} : { limits: { triggerMs: INVOCATION_MS, consumerMs: INVOCATION_MS } }),
  });
}

export interface SyncedWorld {
  p: LocalPlatform;
  site: SiteFixture;
  admin: string;
  /** Account id -> teammate id of everyone mapped. */
  mapping: Map<string, string>;
}

/**
 * A small site (`smallSite(seed)`, named acme) synced to the end: the platform started, every
 * active person mapped as a teammate by the site's admin, `prepare` run (a team saved, say), then
 * the host source synced to done on `clock`. Closes the platform and throws when the setup sync
 * does not finish.
 */
export async function syncedSmallWorld(seed: number, clock: TestClock, opts: { prepare?: (p: LocalPlatform, admin: string) => Promise<unknown> } = {}): Promise<SyncedWorld> {
  const site = smallSite(seed, { name: 'acme' });
  const p = await startWorld([site], seed, { scaledLimits: false });
  try {
    const admin = adminOf(site);
    const mapping = await mapTeammates(p, site);
    await opts.prepare?.(p, admin);
    const synced = await driveSyncToDone(p, ['host'], { advance: clock.advance });
    if (!synced.done) throw new Error(`setup sync did not finish: ${synced.why}`);
    return { p, site, admin, mapping };
  } catch (e) {
    await p.close();
    throw e;
  }
}
