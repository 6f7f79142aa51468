import { STREAM_IDS } from '../domain/stream-id';
import type { TimeWindow } from '../domain/time-window';
import type { SyncRun } from '../store/sync-run-repository';
import { mergeMeters, type RequestMeter } from '../sources/request-meter';

export function newRun(input: {
  id: string;
  dataSourceId: string;
  reason: SyncRun['reason'];
  nowMs: number;
  window: TimeWindow;
  explicitRange: boolean;
}): SyncRun {
  return {
    id: input.id,
    dataSourceId: input.dataSourceId,
    reason: input.reason,
    status: 'running',
    startedAt: new Date(input.nowMs).toISOString(),
    window: input.window,
    explicitRange: input.explicitRange,
    streams: Object.fromEntries(STREAM_IDS.map((s) => [s, { status: 'pending', pages: 0, activities: 0, deleted: 0 }])),
    byKind: {},
    deleted: 0,
    calls: {},
    rateLimited: 0,
    retries: 0,
    errors: [],
    invocations: 0,
    cancelRequested: false,
    progress: { streamsDone: 0, streamsTotal: STREAM_IDS.length, pages: 0, activities: 0 },
  };
}

/** Folds an invocation's request meter into the run (the meter restarts per invocation). */
export function addCalls(run: SyncRun, meter: RequestMeter): void {
  const into: RequestMeter = { calls: { ...run.calls }, rateLimited: run.rateLimited, retries: run.retries, waitedMs: 0 };
  mergeMeters(into, meter);
  run.calls = into.calls;
  run.rateLimited = into.rateLimited;
  run.retries = into.retries;
}

export function recordError(run: SyncRun, nowMs: number, stream: string | undefined, e: { code: string; message: string }): void {
  run.errors.push({ at: new Date(nowMs).toISOString(), ...(stream ? { stream } : {}), code: e.code, message: e.message });
  if (run.errors.length > 20) run.errors.splice(0, run.errors.length - 20);
}

export function refreshProgress(run: SyncRun, nowMs: number): void {
  const states = Object.values(run.streams);
  const done = states.filter((s) => s.status === 'done' || s.status === 'skipped' || s.status === 'failed').length;
  const pages = states.reduce((a, s) => a + s.pages, 0);
  const activities = states.reduce((a, s) => a + s.activities, 0);
  const elapsedSec = (nowMs - Date.parse(run.startedAt)) / 1000;
  const etaSec = done > 0 && done < states.length ? Math.round((elapsedSec / done) * (states.length - done)) : undefined;
  run.progress = { streamsDone: done, streamsTotal: states.length, pages, activities, ...(etaSec !== undefined ? { etaSec } : {}) };
}

export function finalStatus(run: SyncRun): SyncRun['status'] {
  const states = Object.values(run.streams);
  const failed = states.filter((s) => s.status === 'failed').length;
  if (failed === 0) return 'succeeded';
  return failed === states.filter((s) => s.status !== 'skipped').length ? 'failed' : 'partial';
}
