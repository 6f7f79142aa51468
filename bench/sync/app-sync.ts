import { seedFromFixture, type SeedSource } from '../../local/cli/sync/seed';
import type { KvsEmulator } from '../../local/kvs/emulator';
import type { LocalPlatform } from '../../local/platform';
import type { SiteEmulator } from '../../local/site/emulator';
import type { SiteFixture } from '../../local/site/fixture-schema';
import type { LocalRuntime } from '../../local/runtime/runtime';
import { createForgeSyncDeps } from '../../src/platform/services';
import type { SyncRun } from '../../src/store/sync-run-repository';
import { createSyncService, type StartSyncInput } from '../../src/sync/sync-service';
import { endpointCounts } from './endpoints';
import { mainThreadCpuMs } from './meters';

/** What the emulators counted while a sync ran: their calls, their stored activities, their time. */
export interface EmulatorReading {
  kvsCalls: number;
  /** REST calls as the site emulator counted them, by endpoint. */
  restCalls: Record<string, number>;
  activitiesStored: number;
  /** Time the KVS emulator spent answering (its index rebuilds, copies, JSON). */
  kvsEmulatorMs: number;
  /** Time the site emulator spent on requests, emulated latency included. */
  siteEmulatorMs: number;
}

/** Where a sync's emulators run, and how to read their counters. */
export interface EmulatorProbe {
  /**
   * 'in-process': the emulators share the function's thread, so the app's own time is the
   * function time less theirs. 'worker': they run in a thread of their own, and the app's own
   * time is the CPU time of the function's thread (mainThreadCpuMs).
   */
  readonly where: 'in-process' | 'worker';
  reset(): Promise<void>;
  read(): Promise<EmulatorReading>;
}

export interface AppSyncMeasure extends EmulatorReading {
  run: SyncRun;
  /** Wall time of the sync's invocation (from its start to its end). */
  functionMs: number;
  /** The app's own time (see EmulatorProbe.where). */
  appMs: number;
  emulators: EmulatorProbe['where'];
}

/**
 * The emulators run in the function's process, so their work lands in the measured time. This
 * sums the KVS emulator's own answer time so the table can say how much of a figure is theirs.
 */
function meterKvsEmulator(kvs: { dispatch(op: string, body: unknown): unknown }): { read(): number; reset(): void } {
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
    read: () => ms,
    reset: () => void (ms = 0),
  };
}

/**
 * The counters of a KVS and a site emulator, wherever they run, with the KVS meter's time; and
 * their reset. One reading for the in-process probe and the emulator thread.
 */
export function emulatorCounters(kvs: KvsEmulator, sites: SiteEmulator): { read(): EmulatorReading; reset(): void } {
  const meter = meterKvsEmulator(kvs as unknown as { dispatch(op: string, body: unknown): unknown });
  return {
    read: () => ({
      kvsCalls: kvs.stats.total,
      restCalls: endpointCounts(sites.stats()),
      activitiesStored: kvs.store.entries({ kind: 'entity', name: 'activity' }).length,
      kvsEmulatorMs: meter.read(),
      siteEmulatorMs: sites.requestLog.reduce((a, e) => a + e.ms, 0),
    }),
    reset() {
      sites.resetLog();
      kvs.resetStats();
      meter.reset();
    },
  };
}

/** The probe of a platform whose emulators run in this process. */
export function inProcessProbe(platform: LocalPlatform): EmulatorProbe {
  const counters = emulatorCounters(platform.kvs, platform.sites!);
  return { where: 'in-process', reset: async () => counters.reset(), read: async () => counters.read() };
}

/**
 * Runs one sync of the host data source to the end in one local invocation, with the app's
 * clock at `atMs` (it ticks on from there). `seed` configures the data source and teammates
 * first (every user of the fixture is a teammate, as `npm run sync` does).
 */
export async function runAppSync(
  runtime: LocalRuntime,
  probe: EmulatorProbe,
  opts: { atMs: number; reason: StartSyncInput['reason']; seed?: SiteFixture | SeedSource },
): Promise<AppSyncMeasure> {
  await probe.reset();
  const offset = Date.now() - opts.atMs;
  const cpu0 = mainThreadCpuMs();
  const started = performance.now();
  const out = await runtime.runInContext({ key: 'bench-sync', limitMs: 6 * 3_600_000 }, async () => {
    const deps = { ...createForgeSyncDeps({ useQueue: false }), now: () => Date.now() - offset };
    if (opts.seed) await seedFromFixture(deps.config, opts.seed, { mappedAt: new Date(0).toISOString() });
    const [run] = await createSyncService(deps).startSync({ dataSourceId: 'host', reason: opts.reason }, { inline: true, loop: true });
    return run;
  });
  const functionMs = performance.now() - started;
  const cpu1 = mainThreadCpuMs();
  if (out.record.status !== 'ok' || !out.result) throw new Error(`the sync invocation ended with ${out.record.status}: ${out.record.error ?? ''}`);
  const reading = await probe.read();
  if (probe.where === 'worker' && (cpu0 === undefined || cpu1 === undefined)) throw new Error("the function thread's CPU time cannot be read here (Linux /proc schedstat)");
  const appMs = probe.where === 'worker' ? cpu1! - cpu0! : functionMs - reading.kvsEmulatorMs - reading.siteEmulatorMs;
  return { run: out.result, functionMs, appMs, emulators: probe.where, ...reading };
}
