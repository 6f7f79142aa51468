import { RateLimitError, UnreachableError, ServerError, describeError } from '../sources/errors';

/**
 * What an event handler does with a failure: transient ones are redelivered later; anything
 * else is dropped, since the next poll reads the same change anyway.
 */
export function failureAction(e: unknown): { retryAfterSec?: number; message: string } {
  const { message } = describeError(e);
  if (e instanceof RateLimitError) return { retryAfterSec: e.retryAfterSec ?? 60, message };
  if (e instanceof UnreachableError || e instanceof ServerError) return { retryAfterSec: 60, message };
  return { message };
}
