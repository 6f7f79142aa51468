import { STREAM_IDS } from '../domain/stream-id';
import type { SyncRun } from '../store/sync-run-repository';
import { recordError } from './run-record';
import type { SyncDeps } from './sync-deps';

type LeaseDeps = Pick<SyncDeps, 'leases' | 'limits'>;

/**
 * Every stream's lease of a data source for one run, or none: a run that could take only some
 * would read streams another run is reading. False when another run holds one. The first lease
 * is taken alone, so of two runs starting together one wins it and the other stops there; the
 * rest are then taken side by side.
 */
export async function acquireRunLeases(deps: LeaseDeps, dataSourceId: string, owner: string): Promise<boolean> {
  const [first, ...rest] = STREAM_IDS;
  if (!(await deps.leases.acquire(dataSourceId, first, owner, deps.limits.leaseMs))) return false;
  const got = await Promise.all(rest.map((id) => deps.leases.acquire(dataSourceId, id, owner, deps.limits.leaseMs)));
  if (got.every(Boolean)) return true;
  const held = [first, ...rest.filter((_, i) => got[i])];
  await Promise.all(held.map((id) => deps.leases.release(dataSourceId, id, owner)));
  return false;
}

/** Keeps a run's leases through a wait (a rate limit's reset), so no other run starts into the same limit. */
export async function extendRunLeases(deps: LeaseDeps, dataSourceId: string, owner: string, ttlMs: number): Promise<void> {
  await Promise.all(STREAM_IDS.map((id) => deps.leases.renew(dataSourceId, id, owner, ttlMs)));
}

export async function releaseRunLeases(deps: LeaseDeps, dataSourceId: string, owner: string): Promise<void> {
  await Promise.all(STREAM_IDS.map((id) => deps.leases.release(dataSourceId, id, owner)));
}

/**
 * Holding every lease means no other invocation works on this data source: a run still marked
 * running there ended without saying so (its invocation was cut off). Close it in plain words;
 * this run continues from its last checkpoint.
 */
export async function takeOverActiveRun(deps: Pick<SyncDeps, 'syncState' | 'runs' | 'now'>, dataSourceId: string, run: SyncRun): Promise<void> {
  const activeRunId = await deps.syncState.activeRun(dataSourceId);
  if (activeRunId && activeRunId !== run.id) {
    const previous = await deps.runs.get(activeRunId);
    if (previous?.status === 'running') {
      recordError(previous, deps.now(), undefined, {
        code: 'INTERNAL',
        message: 'This run stopped before it finished (its invocation ended early); the next run continued from its last checkpoint',
      });
      previous.status = 'failed';
      previous.endedAt = new Date(deps.now()).toISOString();
      await deps.runs.save(previous);
    }
  }
  if (activeRunId !== run.id) await deps.syncState.setActiveRun(dataSourceId, run.id);
}
