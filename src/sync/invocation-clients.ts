import type { DataSource } from '../domain/config';
import { OutOfTimeError } from '../sources/errors';
import type { RequestMeter } from '../sources/request-meter';
import { createRateBudget, withRetries, type RateBudget } from '../sources/retrying-client';
import type { SiteClient } from '../sources/site-client';
import { syncSleep } from './clock';
import type { StepTimer } from './step-timer';
import type { SyncDeps } from './sync-deps';

export interface SiteClients {
  jira?: SiteClient;
  confluence?: SiteClient;
}

/** How long one invocation lets a rate-limited site make it wait. */
export interface RatePolicy {
  maxLimited: number;
  maxWaitMs: number;
  /** Share of the invocation's remaining time one wait may take; no bound when absent. */
  remainingShare?: number;
  /**
   * Checked before every request (each attempt of a retried one): when it says time is up, the
   * request is not sent and OutOfTimeError ends the work, which continues in a later invocation
   * instead of being cut off by the platform mid-way.
   */
  timer?: StepTimer;
}

/** A client that sends a request only while the timer says there is time for it (and times each one). */
function withDeadline(inner: SiteClient, timer: StepTimer): SiteClient {
  return {
    dataSourceId: inner.dataSourceId,
    product: inner.product,
    baseUrl: inner.baseUrl,
    request(method, path, body) {
      if (timer.timeUp()) return Promise.reject(new OutOfTimeError());
      return timer.measure(() => inner.request(method, path, body));
    },
  };
}

type ClientDeps = Pick<SyncDeps, 'clientsFor' | 'remainingMs' | 'now' | 'sleep' | 'random'>;

/**
 * A data source's clients for one invocation, wrapped once with retries, the invocation's
 * request meter and one rate-limit budget per site (the host and each external site apart).
 * The budgets must not outlive the invocation: a budget kept for the whole process never
 * refills, so a warm process that had seen maxLimited 429s in total would stop at every later one.
 */
export function invocationClients(deps: ClientDeps, ds: DataSource, meter: RequestMeter, policy: RatePolicy): SiteClients {
  const budgets = new Map<string, RateBudget>();
  const budgetFor = (client: SiteClient): RateBudget => {
    const host = client.dataSourceId === 'host';
    const site = host ? 'host' : new URL(client.baseUrl).origin;
    let b = budgets.get(site);
    if (!b) {
      b = createRateBudget(host ? 'This Jira site' : new URL(client.baseUrl).hostname, { maxLimited: policy.maxLimited, maxWaitMs: policy.maxWaitMs });
      budgets.set(site, b);
    }
    return b;
  };
  const share = policy.remainingShare;
  const remainingMs =
    share === undefined
      ? undefined
      : () => {
          const left = deps.remainingMs();
          return left === undefined ? undefined : left * share;
        };
  const { timer } = policy;
  const wrap = (raw: SiteClient | undefined) => {
    const client = raw && timer ? withDeadline(raw, timer) : raw;
    return client && withRetries(client, {
      budget: budgetFor(client),
      meter,
      sleep: deps.sleep ?? syncSleep,
      random: deps.random,
      now: deps.now,
      ...(remainingMs ? { remainingMs } : {}),
    });
  };
  const raw = deps.clientsFor(ds);
  return { jira: wrap(raw.jira), confluence: wrap(raw.confluence) };
}
