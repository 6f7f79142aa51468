import {
  BudgetExhaustedError,
  describeError,
  IssuesNotReturnedError,
  OutOfTimeError,
  RateLimitError,
  resumeAtOf,
  ServerError,
  UnreachableError,
} from '../sources/errors';
import { jitteredDelayMs } from '../sources/retrying-client';

/** A transient failure with no time given: try again after about a minute. */
const DEFAULT_RETRY_MS = 60_000;

/** How often an event is handed on before it is left to the next poll (which reads the same change). */
export const MAX_LIVE_HANDOFFS = 20;

/**
 * What an event handler does with a failure. Transient ones (a rate limit, an exhausted rate
 * budget, the invocation's time running out, an unreachable site, a 5xx, issues Jira could not
 * return this time) are tried again
 * later: `retryAfterMs` is when the site said it may be asked again (jitter included), or a
 * jittered minute; out of time goes on at once, in an invocation with more time. Anything else
 * (a refused token, a bad payload) cannot be fixed by trying again: it is logged, and the
 * next poll reads the same change.
 */
export function failureAction(e: unknown, nowMs: number, random: () => number = Math.random): { retryAfterMs?: number; message: string } {
  const { message } = describeError(e);
  if (e instanceof OutOfTimeError) return { retryAfterMs: 0, message };
  if (e instanceof RateLimitError || e instanceof BudgetExhaustedError) {
    const at = resumeAtOf(e);
    if (at !== undefined) return { retryAfterMs: Math.max(0, at - nowMs), message };
    const sec = e instanceof RateLimitError ? e.retryAfterSec : undefined;
    return { retryAfterMs: sec === undefined ? jitteredDelayMs(DEFAULT_RETRY_MS, random) : jitteredDelayMs(sec * 1000, random), message };
  }
  if (e instanceof UnreachableError || e instanceof ServerError || e instanceof IssuesNotReturnedError) return { retryAfterMs: jitteredDelayMs(DEFAULT_RETRY_MS, random), message };
  return { message };
}
