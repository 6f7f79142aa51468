import type { EventQueue, QueuedEvent } from './event-queue';
import type { InvocationOutcome, Invoker } from './invoker';
import type { AppManifest } from './manifest';

/** Forge redelivers an async event at most 4 times (async events API docs). */
export const MAX_RETRIES = 4;

export interface DrainResult {
  delivered: number;
  outcomes: InvocationOutcome[];
  /** Events still queued (not yet due with `onlyDue`, or beyond `maxEvents`). */
  remaining: number;
}

/** `new InvocationError(...)` returns `{_retry: true, retryOptions}`; QueueResponse.retry() too. */
export function isRetryRequest(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (v as { _retry?: unknown })._retry === true;
}

/**
 * Hands queued events to the manifest consumer of their queue.
 *
 * Two consumer forms exist. `function: <key>` (@forge/events ≥ 2) gets
 * `handler(AsyncEvent, context)`. The `resolver: {function, method}` form (the 1.x contract
 * this manifest uses) is called like a resolver: `{call: {functionKey: method, payload: body,
 * jobId}, context}`, so `resolver.define(method, ({payload, context}) => …)` sees the pushed
 * body as `payload` (with `retryContext` added to it on redelivery) and `context.jobId`.
 *
 * Retries: a returned InvocationError, or a timeout (FUNCTION_TIME_OUT), redelivers the event
 * after `retryAfter` seconds of virtual time, at most 4 times; a thrown error fails the event.
 */
export class ConsumerDelivery {
  constructor(
    private readonly manifest: AppManifest,
    private readonly invoker: Invoker,
    private readonly queue: EventQueue,
    private readonly limitMs: (functionKey: string) => number,
    private readonly backendContext: () => Record<string, unknown>,
  ) {}

  async drain(opts: { maxEvents?: number; onlyDue?: boolean }): Promise<DrainResult> {
    const max = opts.maxEvents ?? 10_000;
    const outcomes: InvocationOutcome[] = [];
    let delivered = 0;
    while (delivered < max) {
      const ev = this.queue.take(opts.onlyDue ?? false);
      if (!ev) break;
      delivered += 1;
      outcomes.push(await this.deliver(ev));
    }
    return { delivered, outcomes, remaining: this.queue.size };
  }

  private async deliver(ev: QueuedEvent): Promise<InvocationOutcome> {
    const consumer = this.manifest.consumers.find((c) => c.queue === ev.queueName);
    const functionKey = consumer?.function ?? consumer?.resolver?.function;
    let handler: ((...args: unknown[]) => unknown) | undefined;
    let problem = !consumer || !functionKey ? `No consumer module in manifest.yml for queue "${ev.queueName}".` : undefined;
    if (!problem) {
      try {
        handler = this.invoker.handlerFor(functionKey!);
      } catch (e) {
        problem = e instanceof Error ? e.message : String(e);
      }
    }
    if (problem || !consumer || !functionKey || !handler) {
      // The event cannot be delivered at all: it fails, and the log says why.
      this.queue.finish(ev, false);
      const record = {
        id: ev.eventId, kind: 'consumer' as const, key: consumer?.key ?? `queue:${ev.queueName}`, functionKey: functionKey ?? '', status: 'error' as const,
        ms: 0, fetches: 0, startedAt: new Date().toISOString(), error: problem, console: [],
      };
      this.invoker.log.push(record);
      return { record };
    }
    const retryContext = ev.retryCount > 0
      ? {
          retryCount: ev.retryCount,
          retryReason: ev.retryReason,
          retryData: ev.retryData,
          retentionWindow: { startTime: new Date(ev.firstAttemptAt ?? this.queue.now()).toISOString(), remainingTimeMs: 24 * 3600 * 1000 - (this.queue.now() - (ev.firstAttemptAt ?? this.queue.now())) },
        }
      : undefined;
    const call = consumer.resolver
      ? () => handler(
          { call: { functionKey: consumer.resolver!.method, payload: { ...ev.body, ...(retryContext ? { retryContext } : {}) }, jobId: ev.jobId }, context: {} },
          this.backendContext(),
        )
      : () => handler(
          {
            body: ev.body, queueName: ev.queueName, jobId: ev.jobId, eventId: ev.eventId,
            ...(ev.delayInSeconds !== undefined ? { delayInSeconds: ev.delayInSeconds } : {}),
            ...(ev.concurrency ? { concurrency: ev.concurrency } : {}),
            ...(retryContext ? { retryContext } : {}),
          },
          this.backendContext(),
        );
    const out = await this.invoker.run(
      { kind: 'consumer', key: consumer.key, functionKey, moduleKey: consumer.key, moduleType: 'consumer', limitMs: this.limitMs(functionKey) },
      call,
    );
    let retry: { after: number; reason: string; data?: unknown } | undefined;
    if (out.record.status === 'timeout') retry = { after: 1, reason: 'FUNCTION_TIME_OUT' };
    else if (out.record.status === 'ok' && isRetryRequest(out.result)) {
      const o = (out.result as { retryOptions?: { retryAfter?: number; retryReason?: string; retryData?: unknown } }).retryOptions ?? {};
      retry = { after: Math.max(1, o.retryAfter ?? 1), reason: o.retryReason ?? 'FUNCTION_RETRY_REQUEST', data: o.retryData };
    }
    if (retry && ev.retryCount < MAX_RETRIES) {
      this.queue.retry(ev, retry.after, retry.reason, retry.data);
    } else {
      this.queue.finish(ev, out.record.status === 'ok' && !retry);
    }
    return out;
  }
}
