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
  /** Time the in-process KVS emulator spent answering (its index rebuilds, copies, JSON). */
  kvsEmulatorMs: number;
  /** Time the in-process site emulator spent on requests, emulated latency included. */
  siteEmulatorMs: number;
}

/**
 * The emulators run in the function's process, so their work lands in the measured time. This
 * sums the KVS emulator's own answer time so the table can say how much of a figure is theirs.
 */
export function meterKvsEmulator(platform: LocalPlatform): { stop(): number } {
  const kvs = platform.kvs as unknown as { dispatch(op: string, body: unknown): unknown };
  const original = kvs.dispatch;
  let ms = 0;
  kvs.dispatch = function (this: unknown, op: string, body: unknown) {
    const t0 = performance.now();
    try {
      return original.call(this, op, body);
    } finally {
      ms += performance.now() - t0;
    }
  };
  return {
    stop() {
      kvs.dispatch = original;
      return ms;
    },
  };
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
  const kvsMeter = meterKvsEmulator(platform);
  const started = performance.now();
  const out = await platform.runtime.runInContext({ key: 'bench-sync', limitMs: 6 * 3_600_000 }, async () => {
    const deps = { ...createForgeSyncDeps({ useQueue: false }), now: () => Date.now() - offset };
    if (opts.seed) await seedFromFixture(deps.config, opts.seed, { mappedAt: new Date(0).toISOString() });
    const [run] = await createSyncService(deps).startSync({ dataSourceId: 'host', reason: opts.reason }, { inline: true, loop: true });
    return run;
  });
  const functionMs = performance.now() - started;
  const kvsEmulatorMs = kvsMeter.stop();
  if (out.record.status !== 'ok' || !out.result) throw new Error(`the sync invocation ended with ${out.record.status}: ${out.record.error ?? ''}`);
  const kvsCalls = platform.kvs.stats.total;
  return {
    run: out.result,
    functionMs,
    kvsCalls,
    restCalls: endpointCounts(sites.stats()),
    activitiesStored: platform.kvs.store.entries({ kind: 'entity', name: 'activity' }).length,
    kvsEmulatorMs,
    siteEmulatorMs: sites.requestLog.reduce((a, e) => a + e.ms, 0),
  };
}
