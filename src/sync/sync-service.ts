import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DataSource } from '../domain/config';
import { STREAM } from '../domain/stream-id';
import { isEmptyWindow, lastDays, timeWindowSchema } from '../domain/time-window';
import { jitteredDelayMs } from '../sources/retrying-client';
import type { SyncRun } from '../store/sync-run-repository';
import { runDataSourceInvocation } from './run-data-source';
import { extendRunLeases, releaseRunLeases } from './run-leases';
import { finalStatus, newRun, recordError } from './run-record';
import { MAX_QUEUE_DELAY_SEC, type ContinuationJob, type SyncDeps } from './sync-deps';

export const startSyncInputSchema = z.object({
  dataSourceId: z.string().optional(),
  /** An explicit range: read exactly it and move no watermark. Absent: the history window ending now. */
  window: timeWindowSchema.optional(),
  reason: z.enum(['scheduled', 'manual', 'backfill', 'cli', 'sweep']),
});
export type StartSyncInput = z.infer<typeof startSyncInputSchema>;

export interface SyncProgress {
  running: SyncRun[];
}

/**
 * The sync as services: start (per data source one run), continue (queue consumer), progress,
 * cancel and history for the admin page, and the scheduled tick.
 */
export function createSyncService(deps: SyncDeps) {
  async function targets(dataSourceId?: string): Promise<DataSource[]> {
    if (dataSourceId) {
      const ds = await deps.config.getDataSource(dataSourceId);
      return ds ? [ds] : [];
    }
    return (await deps.config.listDataSources()).filter((d) => d.enabled);
  }

  /**
   * How long a rate-limited run waits: until the time the site gave (Retry-After or
   * X-RateLimit-Reset, jitter included), else the configured pause with jitter.
   */
  function rateLimitedDelayMs(resumeAtMs: number | undefined): number {
    if (resumeAtMs !== undefined) return Math.max(0, resumeAtMs - deps.now());
    return jitteredDelayMs(deps.limits.rateLimitedResumeSec * 1000, deps.random ?? Math.random);
  }

  /**
   * Queues the next invocation of a run after `delayMs`. A queue delay is at most 900 s, so a
   * longer wait goes as a job that re-queues itself until it is due; the run keeps its leases
   * through the wait, so no other run of this data source walks into the same limit.
   */
  async function enqueueContinuation(enqueue: NonNullable<SyncDeps['enqueue']>, run: SyncRun, delayMs: number): Promise<void> {
    const job: ContinuationJob = { runId: run.id, dataSourceId: run.dataSourceId };
    const sec = Math.ceil(delayMs / 1000);
    if (sec > 0) await extendRunLeases(deps, run.dataSourceId, run.id, delayMs + deps.limits.leaseMs);
    if (sec <= MAX_QUEUE_DELAY_SEC) await enqueue(job, sec);
    else await enqueue({ ...job, notBeforeMs: deps.now() + delayMs }, MAX_QUEUE_DELAY_SEC);
  }

  /** Runs one invocation of a run and records the outcome; true when more work is queued. */
  async function advance(ds: DataSource, run: SyncRun, inlineLoop: boolean): Promise<SyncRun> {
    for (;;) {
      if (run.cancelRequested) return finish(run, 'cancelled');
      const { outcome, resumeAtMs } = await runDataSourceInvocation(deps, ds, run);
      if (outcome === 'busy') {
        // The sweep waits for the sync in flight instead of giving up (for up to half an hour).
        if (run.reason === 'sweep' && deps.enqueue && deps.now() - Date.parse(run.startedAt) < 30 * 60_000) {
          await deps.enqueue({ runId: run.id, dataSourceId: ds.id }, 60);
          return run;
        }
        recordError(run, deps.now(), undefined, { code: 'CONFLICT', message: 'Another sync of this data source was already running' });
        return finish(run, 'cancelled');
      }
      if (outcome === 'finished') return finish(run, finalStatus(run));
      if (outcome === 'cancelled') return finish(run, 'cancelled');
      await deps.runs.save(run);
      const delayMs = outcome === 'rate-limited' ? rateLimitedDelayMs(resumeAtMs) : 0;
      if (deps.enqueue) {
        await enqueueContinuation(deps.enqueue, run, delayMs);
        return run;
      }
      if (!inlineLoop) return finish(run, outcome === 'rate-limited' ? 'rate-limited' : 'partial');
      if (delayMs && deps.sleep) await deps.sleep(delayMs);
    }
  }

  async function finish(run: SyncRun, status: SyncRun['status']): Promise<SyncRun> {
    run.status = status;
    run.endedAt = new Date(deps.now()).toISOString();
    await deps.runs.save(run);
    // A run cancelled between invocations still holds its leases: free them for the next run.
    await releaseRunLeases(deps, run.dataSourceId, run.id);
    await deps.syncState.clearActiveRun(run.dataSourceId, run.id);
    return run;
  }

  /** The daily deletion sweep of a data source is due (its clock starts at the first check). */
  async function sweepDue(dataSourceId: string, nowMs: number): Promise<boolean> {
    const cursor = await deps.cursors.get(dataSourceId, STREAM.sweep);
    if (cursor.pass) return false;
    if (cursor.watermarkMs === undefined) {
      await deps.cursors.save(dataSourceId, STREAM.sweep, { ...cursor, watermarkMs: nowMs });
      return false;
    }
    return nowMs - cursor.watermarkMs >= deps.limits.sweepIntervalMs;
  }

  return {
    /**
     * Creates one run per data source. `inline` runs the first invocation here (triggers,
     * CLI); otherwise the work goes to the queue (resolvers have 25 s).
     */
    async startSync(input: StartSyncInput, opts: { inline?: boolean; loop?: boolean } = {}): Promise<SyncRun[]> {
      const args = startSyncInputSchema.parse(input);
      const settings = await deps.config.getSettings();
      const nowMs = deps.now();
      const window = args.window ?? lastDays(nowMs, settings.historyDays);
      if (isEmptyWindow(window)) throw new RangeError('The start of the range must be before its end');
      const runs: SyncRun[] = [];
      for (const ds of await targets(args.dataSourceId)) {
        // Time first (runs sort by start), then randomness: two starts in one millisecond differ.
        const id = `${nowMs.toString(36)}-${randomUUID().slice(0, 8)}-${ds.id}`;
        const run = newRun({ id, dataSourceId: ds.id, reason: args.reason, nowMs, window, explicitRange: args.window !== undefined });
        await deps.runs.save(run);
        await deps.syncState.setActiveRun(ds.id, run.id);
        if (opts.inline) runs.push(await advance(ds, run, opts.loop ?? false));
        else if (deps.enqueue) {
          await deps.enqueue({ runId: run.id, dataSourceId: ds.id }, 0);
          runs.push(run);
        } else runs.push(await advance(ds, run, true));
      }
      return runs;
    },

    /** The queue consumer's work: the next invocation of a run (or, before its time, its next hop). */
    async continueSync(body: ContinuationJob): Promise<SyncRun | undefined> {
      const run = await deps.runs.get(body.runId);
      const ds = await deps.config.getDataSource(body.dataSourceId);
      if (!run || run.status !== 'running') return run;
      if (!ds) {
        recordError(run, deps.now(), undefined, { code: 'NOT_FOUND', message: 'The data source was deleted' });
        return finish(run, 'cancelled');
      }
      // Queue delays are whole seconds: a job up to a second early goes on. A cancelled run ends
      // at its next hop instead of waiting for the reset.
      if (body.notBeforeMs !== undefined && deps.enqueue && !run.cancelRequested && body.notBeforeMs - deps.now() > 1000) {
        await enqueueContinuation(deps.enqueue, run, body.notBeforeMs - deps.now());
        return run;
      }
      return advance(ds, run, false);
    },

    async getSyncProgress(): Promise<SyncProgress> {
      const running: SyncRun[] = [];
      for (const ds of await deps.config.listDataSources()) {
        const runId = await deps.syncState.activeRun(ds.id);
        const run = runId ? await deps.runs.get(runId) : undefined;
        if (run?.status === 'running') running.push(run);
      }
      return { running };
    },

    async cancelSync(runId: string): Promise<SyncRun | undefined> {
      const run = await deps.runs.get(runId);
      if (!run || run.status !== 'running') return run;
      run.cancelRequested = true;
      await deps.runs.save(run);
      return run;
    },

    listSyncRuns: (limit: number, dataSourceId?: string) => deps.runs.list(limit, dataSourceId),

    /** The 5-minute trigger: runs only when the configured interval has passed. */
    async tick(): Promise<SyncRun[] | 'not-due'> {
      const settings = await deps.config.getSettings();
      const last = await deps.syncState.lastScheduledStart();
      const nowMs = deps.now();
      // A minute of slack: triggers are spread within their interval, not exact.
      if (nowMs - last < settings.syncIntervalMinutes * 60_000 - 60_000) return 'not-due';
      await deps.syncState.setLastScheduledStart(nowMs);
      const runs = await this.startSync({ reason: 'scheduled' }, { inline: true });
      for (const ds of await targets()) if (await sweepDue(ds.id, nowMs)) await this.startSync({ reason: 'sweep', dataSourceId: ds.id });
      return runs;
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
