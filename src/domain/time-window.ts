import { z } from 'zod';

export const DAY_MS = 86_400_000;

/**
 * A span of time in epoch milliseconds, closed-open: `sinceMs` counts, `untilMs` does not. The
 * one form a sync window takes from "Fetch now" to the planner and attribution; only the
 * resolver payload (whole days) and stored records (ISO strings) use other forms, converted at
 * their edge.
 */
export interface TimeWindow {
  readonly sinceMs: number;
  readonly untilMs: number;
}

export const timeWindowSchema = z.object({ sinceMs: z.number(), untilMs: z.number() });

export function isInside(ms: number, w: TimeWindow): boolean {
  return ms >= w.sinceMs && ms < w.untilMs;
}

export function isEmptyWindow(w: TimeWindow): boolean {
  return !(w.sinceMs < w.untilMs);
}

/** The `days` days that end at `untilMs` (the history window ending now, for instance). */
export function lastDays(untilMs: number, days: number): TimeWindow {
  return { sinceMs: untilMs - days * DAY_MS, untilMs };
}

/** How a window is stored in a record (run history) and shown on the admin page. */
export const isoWindowSchema = z.codec(z.object({ since: z.string(), until: z.string() }), timeWindowSchema, {
  decode: (iso) => ({ sinceMs: Date.parse(iso.since), untilMs: Date.parse(iso.until) }),
  encode: (w) => toIsoWindow(w),
});

export function toIsoWindow(w: TimeWindow): { since: string; until: string } {
  return { since: new Date(w.sinceMs).toISOString(), until: new Date(w.untilMs).toISOString() };
}
