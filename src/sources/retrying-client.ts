import { BudgetExhaustedError, RateLimitError, UnreachableError } from './errors';
import { endpointTemplate, type RequestMeter } from './request-meter';
import { decorateClient, type SiteClient, type SiteResponse } from './site-client';

/**
 * What is retried, as data: only these statuses, never 400/401/403/404 (retrying cannot fix them).
 * `maxDelayMs` caps our own backoff only: a delay the site asks for is waited in full.
 * A site's delay gets jitter on top (never below what it asked), a random share of
 * `jitterShare` of it but at least up to `minJitterMs`, so runs limited together do not come
 * back together (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/).
 */
export const RETRY_RULES = {
  retryStatuses: [429, 500, 502, 503, 504] as readonly number[],
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  jitterShare: 0.2,
  minJitterMs: 1_000,
};

/**
 * Rate-limit budget of one site for one run. The host site (Forge points quota) and each
 * external site (API-token burst limits) get their own, so one busy site cannot starve others.
 */
export interface RateBudget {
  readonly site: string;
  limitedCount: number;
  waitedMs: number;
  readonly maxLimited: number;
  readonly maxWaitMs: number;
}

export function createRateBudget(site: string, opts: { maxLimited?: number; maxWaitMs?: number } = {}): RateBudget {
  return { site, limitedCount: 0, waitedMs: 0, maxLimited: opts.maxLimited ?? 40, maxWaitMs: opts.maxWaitMs ?? 120_000 };
}

export interface RetryOptions {
  budget: RateBudget;
  meter: RequestMeter;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Milliseconds the invocation may still spend waiting; a longer wait gives up early. */
  remainingMs?: () => number | undefined;
  rules?: typeof RETRY_RULES;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * How long the site asked us to wait: Retry-After (seconds, or an HTTP date) and
 * X-RateLimit-Reset (an ISO instant, `yyyy-MM-ddTHH:mmZ` on Jira and Confluence); when both are
 * given, the later of the two, since both must hold. Undefined when the site said nothing.
 */
export function serverDelayMs(res: SiteResponse, now: number): number | undefined {
  const delays: number[] = [];
  const after = res.headers.get('retry-after');
  if (after !== null && after.trim() !== '') {
    const sec = Number(after);
    const at = Number.isFinite(sec) ? now + sec * 1000 : Date.parse(after);
    if (!Number.isNaN(at)) delays.push(Math.max(0, at - now));
  }
  const reset = res.headers.get('x-ratelimit-reset');
  if (reset) {
    const at = Date.parse(reset);
    if (!Number.isNaN(at)) delays.push(Math.max(0, at - now));
  }
  return delays.length ? Math.max(...delays) : undefined;
}

/** The site's delay plus jitter, never less than the site asked. */
export function jitteredDelayMs(serverMs: number, random: () => number, rules: typeof RETRY_RULES = RETRY_RULES): number {
  return serverMs + Math.round(random() * Math.max(rules.minJitterMs, serverMs * rules.jitterShare));
}

/** Reads the body once so a cut-off body is retried like a dropped connection. */
async function buffered(res: SiteResponse): Promise<SiteResponse> {
  const text = await res.text();
  let parsed: unknown;
  let parseError: unknown;
  if (text !== '') {
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      parseError = e;
    }
  }
  if (parseError && res.status >= 200 && res.status < 300) {
    throw new UnreachableError('The response was cut off', { cause: parseError });
  }
  return {
    status: res.status,
    headers: res.headers,
    text: async () => text,
    json: async () => {
      if (parseError) throw parseError;
      return parsed;
    },
  };
}

/**
 * Wraps a SiteClient once: counts calls, retries 429/5xx/network failures after the server's
 * delay (in full, plus jitter) or capped exponential backoff with full jitter, and stops cleanly
 * when a site keeps limiting it (BudgetExhaustedError) or asks for a wait longer than the
 * invocation has left (RateLimitError). Both say when the site lets us back in (`resumeAtMs`),
 * so the work can be resumed then instead of after a guess.
 */
export function withRetries(inner: SiteClient, opts: RetryOptions): SiteClient {
  const rules = opts.rules ?? RETRY_RULES;
  const sleep = opts.sleep ?? defaultSleep;
  const random = opts.random ?? Math.random;
  const now = opts.now ?? Date.now;
  const { budget, meter } = opts;

  async function wait(ms: number, what: string): Promise<void> {
    const remaining = opts.remainingMs?.();
    if (remaining !== undefined && ms > remaining) {
      throw new RateLimitError(`${what}: the wait asked for is longer than this invocation has left`, Math.ceil(ms / 1000), { resumeAtMs: now() + ms });
    }
    budget.waitedMs += ms;
    meter.waitedMs += ms;
    await sleep(ms);
  }

  return decorateClient(inner, async (method, path, body) => {
    const key = endpointTemplate(method, path);
    for (let attempt = 1; ; attempt++) {
      meter.calls[key] = (meter.calls[key] ?? 0) + 1;
      let res: SiteResponse | undefined;
      let failure: unknown;
      try {
        res = await buffered(await inner.request(method, path, body));
      } catch (e) {
        failure = e;
      }
      if (res && !rules.retryStatuses.includes(res.status)) return res;
      if (!res && !(failure instanceof UnreachableError)) throw failure;

      const backoff = Math.min(rules.maxDelayMs, rules.baseDelayMs * 2 ** (attempt - 1));
      const asked = res ? serverDelayMs(res, now()) : undefined;
      const delay = asked === undefined ? Math.round(random() * backoff) : jitteredDelayMs(asked, random, rules);
      if (res?.status === 429) {
        meter.rateLimited += 1;
        budget.limitedCount += 1;
        if (budget.limitedCount > budget.maxLimited || budget.waitedMs + delay > budget.maxWaitMs || attempt >= rules.maxAttempts) {
          throw new BudgetExhaustedError(
            `${budget.site} kept rate limiting this run (${budget.limitedCount} times); it will continue later`,
            asked === undefined ? undefined : now() + delay,
          );
        }
      }
      if (attempt >= rules.maxAttempts) {
        if (res) return res;
        throw failure;
      }
      meter.retries += 1;
      await wait(delay, budget.site);
    }
  });
}
