import type { DataSource } from '../domain/config';
import { createRequestMeter, type RequestMeter } from '../sources/request-meter';
import type { SyncRun } from '../store/sync-run-repository';
import { ActivityWriter } from './activity-writer';
import { invocationClients, type SiteClients } from './invocation-clients';
import { releaseRunLeases } from './run-leases';
import { addCalls, refreshProgress } from './run-record';
import { SerialQueue } from './serial-queue';
import { createStepTimer, type StepTimer } from './step-timer';
import { createRunCache, type RunCache } from './stream-env';
import type { SyncDeps } from './sync-deps';
import { latestMappingMs, teammateAccounts } from './teammate-map';

/** What one invocation of a run works with on one data source, shared by its streams. */
export interface Invocation {
  deps: SyncDeps;
  ds: DataSource;
  run: SyncRun;
  meter: RequestMeter;
  clients: SiteClients;
  historyDays: number;
  teammates: ReadonlyMap<string, string>;
  /** Latest teammate mappedAt on this data source (a newer one re-reads the history window). */
  mappingMs: number;
  storeMayHaveData: boolean;
  writer: ActivityWriter;
  cache: RunCache;
  timer: StepTimer;
  /** The host site's Confluence is not connected to this installation: its streams are skipped. */
  confluenceNotConnected: boolean;
  /**
   * The one queue for the invocation's writes of documents its streams share (activities and
   * rollups through the writer, the run record, cursors), so side-by-side streams never
   * interleave a read-modify-write.
   */
  writes: SerialQueue;
  /** A stream found the run cancelled: the others stop at their next page. */
  cancelled: boolean;
}

export async function openInvocation(deps: SyncDeps, ds: DataSource, run: SyncRun): Promise<Invocation> {
  const meter = createRequestMeter();
  const wrapped = invocationClients(deps, ds, meter, {
    maxLimited: deps.limits.maxRateLimited,
    maxWaitMs: deps.limits.maxRateWaitMs,
    // Leave the rest of the invocation for the checkpoint after a long wait.
    remainingShare: 0.85,
  });
  // Without the client no stream (the deletion sweep included) can reach Confluence, so a
  // disconnected Confluence never reads as deleted content.
  const confluenceNotConnected = ds.kind === 'host' && deps.hostConfluence?.() === 'not-connected';
  const clients = confluenceNotConnected ? { jira: wrapped.jira } : wrapped;
  // Independent reads, side by side.
  const [settings, teammatesDoc, storeMayHaveData] = await Promise.all([
    deps.config.getSettings(),
    deps.config.getTeammates(),
    deps.activities.hasAnyForSource(ds.id),
  ]);
  const writes = new SerialQueue();
  return {
    deps,
    ds,
    run,
    meter,
    clients,
    historyDays: settings.historyDays,
    teammates: teammateAccounts(teammatesDoc, ds.id),
    mappingMs: latestMappingMs(teammatesDoc, ds.id),
    storeMayHaveData,
    writer: new ActivityWriter(deps.activities, deps.rollups, storeMayHaveData, undefined, writes),
    cache: createRunCache(),
    // Started after the reads above, so the margin is taken from what is really left.
    timer: createStepTimer(deps.remainingMs, deps.limits.safetyMs),
    confluenceNotConnected,
    writes,
    cancelled: false,
  };
}

/** Saves what the run learnt since its last checkpoint into the run record (not stored yet). */
export function foldIntoRun(inv: Invocation): void {
  addCalls(inv.run, inv.meter);
  refreshProgress(inv.run, inv.deps.now());
  Object.assign(inv.meter, createRequestMeter());
}

/**
 * Ends an invocation, however it stopped: the writer's finish() recounts the weeks it marked
 * (every invocation that writes must call it), and its counts go into the run. Leases are kept
 * when the run continues in a later invocation.
 */
export async function closeInvocation(inv: Invocation, runContinues: boolean): Promise<void> {
  const { run, writer, deps } = inv;
  await writer.finish();
  for (const kind of Object.keys(writer.stats.upserted)) run.byKind[kind] = (run.byKind[kind] ?? 0) + writer.stats.upserted[kind];
  run.deleted += writer.stats.deleted;
  addCalls(run, inv.meter);
  refreshProgress(run, deps.now());
  if (!runContinues) await releaseRunLeases(deps, inv.ds.id, run.id);
}
