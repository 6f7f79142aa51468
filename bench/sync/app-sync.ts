import { seedFromFixture } from '../../local/cli/sync/seed';
import type { LocalPlatform } from '../../local/platform';
import type { SiteFixture } from '../../local/site/fixture-schema';
import { createForgeSyncDeps } from '../../src/platform/services';
import type { SyncRun } from '../../src/store/sync-run-repository';
import { createSyncService, type StartSyncInput } from '../../src/sync/sync-service';
import { endpointCounts } from './endpoints';

export interface AppSyncMeasure {
  run: SyncRun;
  /** Wall time of the sync's invocation (from its start to its end). */
  functionMs: number;
  kvsCalls: number;
  /** REST calls as the site emulator counted them, by endpoint. */
  restCalls: Record<string, number>;
  activitiesStored: number;
}

/**
 * Runs one sync of the host data source to the end in one local invocation, with the app's
 * clock at `atMs` (it ticks on from there). `seed` configures the data source and teammates
 * first (every user of the fixture is a teammate, as `npm run sync` does).
 */
export async function runAppSync(
  platform: LocalPlatform,
  opts: { atMs: number; reason: StartSyncInput['reason']; seed?: SiteFixture },
): Promise<AppSyncMeasure> {
  const sites = platform.sites!;
  sites.resetLog();
  platform.kvs.resetStats();
  const offset = Date.now() - opts.atMs;
  const started = performance.now();
  const out = await platform.runtime.runInContext({ key: 'bench-sync', limitMs: 6 * 3_600_000 }, async () => {
    const deps = { ...createForgeSyncDeps({ useQueue: false }), now: () => Date.now() - offset };
    if (opts.seed) await seedFromFixture(deps.config, opts.seed, { mappedAt: new Date(0).toISOString() });
    const [run] = await createSyncService(deps).startSync({ dataSourceId: 'host', reason: opts.reason }, { inline: true, loop: true });
    return run;
  });
  const functionMs = performance.now() - started;
  if (out.record.status !== 'ok' || !out.result) throw new Error(`the sync invocation ended with ${out.record.status}: ${out.record.error ?? ''}`);
  const kvsCalls = platform.kvs.stats.total;
  return {
    run: out.result,
    functionMs,
    kvsCalls,
    restCalls: endpointCounts(sites.stats()),
    activitiesStored: platform.kvs.store.entries({ kind: 'entity', name: 'activity' }).length,
  };
}
