import { InvocationError, InvocationErrorCode } from '@forge/events';

/** Asks Forge to deliver the same event again later (a rate limit or an unreachable site). */
export function retryLater(afterSec: number): unknown {
  return new InvocationError({ retryAfter: Math.max(1, Math.round(afterSec)), retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED });
}
