/**
 * How the sync waits between retries when its composition passes no `sleep`. Real time by
 * default; tests install a scaled-down wait so Retry-After and backoff cost microseconds, while
 * the code path (budget accounting, deadline checks) stays the one production runs.
 */
export type SleepFn = (ms: number) => Promise<void>;

const realSleep: SleepFn = (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms));
let current: SleepFn = realSleep;

/** The sleep the sync's retrying clients use unless their deps bring one. */
export const syncSleep: SleepFn = (ms) => current(ms);

/** Replaces the sync's sleep (tests); `undefined` restores real waiting. */
export function setSyncSleep(fn: SleepFn | undefined): void {
  current = fn ?? realSleep;
}
