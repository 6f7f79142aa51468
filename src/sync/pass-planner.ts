import { DAY_MS, type TimeWindow } from '../domain/time-window';
import type { StreamCursor, StreamPass } from '../store/cursor-repository';

export interface PlanInput {
  runId: string;
  nowMs: number;
  historyDays: number;
  /** Explicit range of a manual run or the CLI; absent for scheduled runs. */
  range?: TimeWindow;
  /** Latest teammate mappedAt on this data source. */
  mappingMs: number;
  lookbackMs: number;
  /** Feeds leave out the last minute (Jira's worklog feed does): windows end before it. */
  settleMs: number;
}

/**
 * The window a stream reads next. Scheduled runs continue a pass in flight, or read from the
 * watermark minus a lookback (late and eventually consistent changes land inside it); the first
 * run, and the first after a teammate was mapped, read the whole history window.
 */
export function planPass(cursor: StreamCursor, input: PlanInput): StreamPass {
  const historyStart = input.nowMs - input.historyDays * DAY_MS;
  if (input.range) {
    // A run's next invocation goes on with the pass its last one left, page by page, instead of
    // reading the range again from the start (a large backfill spans many invocations).
    const own = cursor.pass;
    if (own && own.runId === input.runId && !own.incremental && own.querySinceMs === input.range.sinceMs && own.untilMs === input.range.untilMs) return own;
    return fresh(input, {
      querySinceMs: input.range.sinceMs,
      keepSinceMs: input.range.sinceMs,
      untilMs: input.range.untilMs,
      openEnded: true,
      incremental: false,
      fullHistory: false,
    });
  }
  const inFlight = cursor.pass;
  const mappingChanged = input.mappingMs > (cursor.mappingSeenMs ?? 0);
  const coversMapping = !mappingChanged || (inFlight?.fullHistory === true && inFlight.mappingMs >= input.mappingMs);
  if (inFlight && inFlight.incremental && coversMapping) {
    return { ...inFlight, runId: input.runId };
  }
  const untilMs = input.nowMs - input.settleMs;
  const full = cursor.watermarkMs === undefined || mappingChanged;
  const querySinceMs = full ? historyStart : Math.max(historyStart, cursor.watermarkMs! - input.lookbackMs);
  return fresh(input, { querySinceMs, keepSinceMs: historyStart, untilMs, openEnded: false, incremental: true, fullHistory: full });
}

function fresh(input: PlanInput, w: Omit<StreamPass, 'runId' | 'state' | 'pages' | 'mappingMs'>): StreamPass {
  return { runId: input.runId, ...w, mappingMs: input.mappingMs, state: {}, pages: 0 };
}

/**
 * The deletion sweep's pass: it checks everything stored (no window to query), continuing the
 * check in flight if there is one.
 */
export function planSweep(cursor: StreamCursor, runId: string, nowMs: number): StreamPass {
  if (cursor.pass) return { ...cursor.pass, runId };
  return { runId, querySinceMs: 0, keepSinceMs: 0, untilMs: nowMs, openEnded: true, incremental: true, fullHistory: false, mappingMs: 0, state: {}, pages: 0 };
}

/** The activities a pass (re)writes: those at `[keepSinceMs, untilMs)`. */
export function keepWindow(pass: Pick<StreamPass, 'keepSinceMs' | 'untilMs'>): TimeWindow {
  return { sinceMs: pass.keepSinceMs, untilMs: pass.untilMs };
}

/** The cursor after a pass finished. */
export function finishPass(cursor: StreamCursor, pass: StreamPass): StreamCursor {
  const next: StreamCursor = { v: 1, watermarkMs: cursor.watermarkMs, mappingSeenMs: cursor.mappingSeenMs };
  if (pass.incremental) next.watermarkMs = Math.max(cursor.watermarkMs ?? 0, pass.untilMs);
  if (pass.fullHistory) next.mappingSeenMs = Math.max(cursor.mappingSeenMs ?? 0, pass.mappingMs);
  return next;
}
