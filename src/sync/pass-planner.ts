import type { StreamCursor, StreamPass } from '../store/cursor-repository';

export const DAY_MS = 86_400_000;

export interface PlanInput {
  runId: string;
  nowMs: number;
  historyDays: number;
  /** Explicit range of a manual run or the CLI; absent for scheduled runs. */
  range?: { sinceMs: number; untilMs: number };
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

/** The cursor after a pass finished. */
export function finishPass(cursor: StreamCursor, pass: StreamPass): StreamCursor {
  const next: StreamCursor = { v: 1, watermarkMs: cursor.watermarkMs, mappingSeenMs: cursor.mappingSeenMs };
  if (pass.incremental) next.watermarkMs = Math.max(cursor.watermarkMs ?? 0, pass.untilMs);
  if (pass.fullHistory) next.mappingSeenMs = Math.max(cursor.mappingSeenMs ?? 0, pass.mappingMs);
  return next;
}
