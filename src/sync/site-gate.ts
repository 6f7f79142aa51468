import { RateLimitError } from '../sources/errors';
import { serverDelayMs } from '../sources/retrying-client';
import { decorateClient, type Product, type SiteClient } from '../sources/site-client';
import type { SleepFn } from './clock';

/**
 * At most this many requests in flight to one site from one invocation, whichever streams send
 * them. Forge documents no cap on concurrent fetches within an invocation, only its runtime and
 * a 180 s timeout per outbound request (https://developer.atlassian.com/platform/forge/limits-invocation);
 * Jira's burst limit is per tenant, endpoint and method, and Atlassian asks apps to pace their
 * own requests (https://developer.atlassian.com/cloud/jira/platform/build-an-app-that-respects-rate-limits/).
 */
export const MAX_IN_FLIGHT_PER_SITE = 4;

/**
 * What the streams of one invocation share about one site: how many of their requests are in
 * flight, and until when each product asked everyone to wait. Retry-After and X-RateLimit-Reset
 * answer the app, not the one request that got the 429: "If you reissue the request before the
 * retry period expires, the request will fail and return the same or longer Retry-After period"
 * (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/). So once any stream is
 * told to wait, every stream's next request to that product waits as well. Jira and Confluence
 * limit apart (https://developer.atlassian.com/cloud/confluence/rate-limiting/): a pause of one
 * does not hold the other.
 */
export interface SiteGate {
  readonly site: string;
  /** Per product, epoch ms before which no request is sent to it (absent: none asked). */
  pausedUntilMs: Partial<Record<Product, number>>;
  inFlight: number;
  /** Requests waiting for a free slot, first come first served. */
  waiting: (() => void)[];
  readonly maxInFlight: number;
}

export function createSiteGate(site: string, maxInFlight = MAX_IN_FLIGHT_PER_SITE): SiteGate {
  return { site, pausedUntilMs: {}, inFlight: 0, waiting: [], maxInFlight };
}

async function takeSlot(gate: SiteGate): Promise<void> {
  if (gate.inFlight < gate.maxInFlight) {
    gate.inFlight += 1;
    return;
  }
  // The slot is handed over by the request that frees it, so inFlight never drops in between.
  await new Promise<void>((resolve) => gate.waiting.push(resolve));
}

function freeSlot(gate: SiteGate): void {
  const next = gate.waiting.shift();
  if (next) next();
  else gate.inFlight -= 1;
}

export interface GateOptions {
  now: () => number;
  sleep: SleepFn;
  /** Milliseconds this invocation may still spend waiting; a longer pause gives up early. */
  remainingMs?: () => number | undefined;
}

/**
 * The outer half of the gate, around the retries: a request first waits out a pause the site
 * gave any request of this invocation (or stops with RateLimitError, saying when the work may
 * resume, when the pause outlasts what the invocation may spend waiting), then holds one of the
 * site's slots until it is answered, its own retries included. The retries of a request that
 * got the 429 wait their own delay inside, so they do not wait twice.
 */
export function withSiteGate(inner: SiteClient, gate: SiteGate, opts: GateOptions): SiteClient {
  async function waitForPause(): Promise<void> {
    const until = gate.pausedUntilMs[inner.product] ?? 0;
    const waitMs = until - opts.now();
    if (waitMs <= 0) return;
    const left = opts.remainingMs?.();
    if (left !== undefined && waitMs > left) {
      throw new RateLimitError(`${gate.site} asked to wait longer than this invocation has left`, Math.ceil(waitMs / 1000), { resumeAtMs: until });
    }
    await opts.sleep(waitMs);
  }
  return decorateClient(inner, async (method, path, body) => {
    await waitForPause();
    await takeSlot(gate);
    try {
      return await inner.request(method, path, body);
    } finally {
      freeSlot(gate);
    }
  });
}

/**
 * The inner half, under the retries: a 429 that says how long to wait (Retry-After or
 * X-RateLimit-Reset) pauses that product of the site for every stream of the invocation.
 */
export function withPauseOn429(inner: SiteClient, gate: SiteGate, now: () => number): SiteClient {
  return decorateClient(inner, async (method, path, body) => {
    const res = await inner.request(method, path, body);
    if (res.status === 429) {
      const delayMs = serverDelayMs(res, now());
      if (delayMs !== undefined) gate.pausedUntilMs[inner.product] = Math.max(gate.pausedUntilMs[inner.product] ?? 0, now() + delayMs);
    }
    return res;
  });
}
