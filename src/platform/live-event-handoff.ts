import { z } from 'zod';
import { failureAction, MAX_LIVE_HANDOFFS } from '../sync/live-event-outcome';
import { MAX_QUEUE_DELAY_SEC } from '../sync/sync-deps';
import { retryLater } from './invocation-retry';
import { getLiveCapture } from './services';
import { createForgeSyncQueue } from './sync-queue';

export const liveEventJobSchema = z.object({
  product: z.enum(['jira', 'confluence']),
  event: z.record(z.string(), z.unknown()),
  /** How many times the event was handed on so far. */
  attempt: z.number().int().min(1),
  /** Not to be handled before then (a rate limit's reset further away than one queue delay). */
  notBeforeMs: z.number().int().optional(),
});
export type LiveEventJob = z.infer<typeof liveEventJobSchema>;
type Product = LiveEventJob['product'];

const LABEL: Record<Product, string> = { jira: 'Jira', confluence: 'Confluence' };

/** Queues a product event for the sync queue's consumer (more time than an event handler's 25 s). */
async function pushLiveEvent(job: Omit<LiveEventJob, 'notBeforeMs'>, delayMs: number, nowMs: number): Promise<void> {
  const sec = Math.ceil(delayMs / 1000);
  const liveEvent: LiveEventJob = sec > MAX_QUEUE_DELAY_SEC ? { ...job, notBeforeMs: nowMs + delayMs } : job;
  await createForgeSyncQueue().push({ liveEvent }, Math.min(sec, MAX_QUEUE_DELAY_SEC));
}

/**
 * A product event that could not be stored now: a transient failure (rate limit, exhausted rate
 * budget, out of time, unreachable site) hands it to the queue for when the site lets us back in;
 * should the queue refuse it, Forge is asked to deliver the event again (InvocationError, at most
 * 900 s later, at most 4 times: https://developer.atlassian.com/platform/forge/events-reference/product_events/).
 * Only a failure no retry can fix, or an event handed on MAX_LIVE_HANDOFFS times, is left to the
 * next poll, which reads the same change.
 */
async function handOff(product: Product, event: Record<string, unknown>, e: unknown, attempt: number): Promise<unknown> {
  const nowMs = Date.now();
  const action = failureAction(e, nowMs);
  if (action.retryAfterMs === undefined || attempt >= MAX_LIVE_HANDOFFS) {
    console.warn(`${LABEL[product]} event not stored (the next sync reads the change): ${action.message}`);
    return { outcome: 'failed' };
  }
  try {
    await pushLiveEvent({ product, event, attempt: attempt + 1 }, action.retryAfterMs, nowMs);
    console.warn(`${LABEL[product]} event handed to the queue: ${action.message}`);
    return { outcome: 'queued' };
  } catch {
    return retryLater(Math.min(MAX_QUEUE_DELAY_SEC, Math.ceil(action.retryAfterMs / 1000)));
  }
}

/** Stores one product event from the host site, or hands it on (see handOff). */
export async function handleLiveEvent(product: Product, event: unknown, attempt = 0): Promise<unknown> {
  try {
    const live = getLiveCapture();
    return { outcome: product === 'jira' ? await live.handleJiraEvent(event) : await live.handleConfluenceEvent(event) };
  } catch (e) {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) throw e;
    return handOff(product, event as Record<string, unknown>, e, attempt);
  }
}

/** The queue consumer's side: a handed-on event, or, before its time, its next hop. */
export async function continueLiveEvent(job: LiveEventJob): Promise<unknown> {
  const nowMs = Date.now();
  // Queue delays are whole seconds: a job up to a second early goes on.
  if (job.notBeforeMs !== undefined && job.notBeforeMs - nowMs > 1000) {
    await pushLiveEvent({ product: job.product, event: job.event, attempt: job.attempt }, job.notBeforeMs - nowMs, nowMs);
    return { outcome: 'waiting' };
  }
  return handleLiveEvent(job.product, job.event, job.attempt);
}
