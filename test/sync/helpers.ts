import { generateSite } from '../../local/fixtures/generator';
import type { GenerateOptions } from '../../local/fixtures/options';
import type { LocalPlatform } from '../../local/platform';
import type { SiteFixture } from '../../local/site/fixture-schema';
import type { Activity } from '../../src/domain/activity';
import { createForgeKvs } from '../../src/platform/forge-kvs';
import { createForgeSyncDeps } from '../../src/platform/services';
import { ENTITY } from '../../src/store/keys';
import { decodeRollupWeek, rollupRowCount, type RollupWeek } from '../../src/store/rollup-week-format';
import type { SyncLimits } from '../../src/sync/sync-deps';
import { createSyncService, type StartSyncInput } from '../../src/sync/sync-service';
import { expectedActivities } from '../oracle/expected-activities';
import { recountRollups, rollupCells } from '../oracle/recount-rollups';

export const DAY = 86_400_000;
/** Generated sites end at the current hour so scheduled windows (relative to now) cover them. */
export function siteEndingNow(opts: Partial<GenerateOptions> = {}): SiteFixture {
  const now = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000).toISOString();
  return generateSite({ now, days: 40, ...opts });
}

export const SITE_URL = (f: SiteFixture) => `https://${f.name}.atlassian.net`;

/** Runs `fn` inside a local invocation with sync deps bound to the local platform. */
export async function inApp<T>(platform: LocalPlatform, fn: (d: ReturnType<typeof createForgeSyncDeps>) => Promise<T>, limits: Partial<SyncLimits> = {}): Promise<T> {
  const out = await platform.runtime.runInContext({ key: 'test-sync', limitMs: 600_000 }, () =>
    fn(createForgeSyncDeps({ useQueue: false, limits: { lookbackMs: 15 * 60_000, settleMs: 0, ...limits } })),
  );
  if (out.record.status !== 'ok') throw new Error(`invocation ${out.record.status}: ${out.record.error ?? ''}`);
  return out.result as T;
}

/**
 * Stores another site as a data source connected with a classic API token (Jira and Confluence on
 * the same site, the Confluence calls signed with the Jira token), as the admin's save stores it.
 */
export async function connectOtherSite(
  d: ReturnType<typeof createForgeSyncDeps>,
  site: SiteFixture,
  connector: { email?: string; apiToken?: string },
  name = site.name.charAt(0).toUpperCase() + site.name.slice(1),
): Promise<void> {
  const at = new Date().toISOString();
  const url = SITE_URL(site);
  await d.config.saveDataSource({
    id: site.name, kind: 'cloud', tokenKind: 'classic', name, enabled: true, jiraUrl: url, jiraEmail: connector.email,
    confluenceUrl: `${url}/wiki`, createdAt: at, updatedAt: at,
  });
  await d.config.setDataSourceToken(site.name, 'jira', connector.apiToken!);
}

export function sync(platform: LocalPlatform, input: StartSyncInput, limits: Partial<SyncLimits> = {}) {
  return inApp(platform, async (d) => createSyncService(d).startSync(input, { inline: true, loop: true }), limits);
}

export function stored(platform: LocalPlatform, dataSourceId = 'host'): Promise<Activity[]> {
  return inApp(platform, (d) => d.activities.listBySource(dataSourceId));
}

export function oracle(fixture: SiteFixture, mapping: ReadonlyMap<string, string>, sinceMs: number, untilMs: number): Activity[] {
  return expectedActivities(fixture, { dataSourceId: 'host', siteUrl: SITE_URL(fixture), mapping, since: sinceMs, until: untilMs });
}

/** Stored rollup weeks, read straight from the KVS emulator's entity store. */
export async function storedRollups(platform: LocalPlatform): Promise<Map<string, RollupWeek>> {
  return inApp(platform, async () => {
    const kvs = createForgeKvs();
    const out = new Map<string, RollupWeek>();
    let cursor: string | undefined;
    do {
      const page = await kvs.entityQuery<{ week: string; data: unknown }>(ENTITY.rollupWeek, {
        index: 'by-week',
        range: { op: 'gte', value: '0000' },
        limit: 100,
        cursor,
      });
      for (const r of page.results) {
        const doc = decodeRollupWeek(r.value.data, r.key);
        if (rollupRowCount(doc)) out.set(doc.week, doc);
      }
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  });
}

/** The stored rollups, as canonical cells, next to a recount of the stored activities. */
export async function rollupComparison(platform: LocalPlatform) {
  const acts = await stored(platform);
  const expected = new Map([...recountRollups(acts)].map(([w, d]) => [w, rollupCells(d)]));
  const actual = new Map([...(await storedRollups(platform))].map(([w, d]) => [w, rollupCells(d)]));
  return { expected: Object.fromEntries(expected), actual: Object.fromEntries(actual) };
}
