import type { DataSource } from '../domain/config';
import { OutOfTimeError } from '../sources/errors';
import type { RequestMeter } from '../sources/request-meter';
import { createRateBudget, withRetries, type RateBudget } from '../sources/retrying-client';
import { decorateClient, type SiteClient } from '../sources/site-client';
import { syncSleep } from './clock';
import { createSiteGate, withPauseOn429, withSiteGate, type SiteGate } from './site-gate';
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
  return decorateClient(inner, (method, path, body) => {
    if (timer.timeUp()) return Promise.reject(new OutOfTimeError());
    return timer.measure(() => inner.request(method, path, body));
  });
}

type ClientDeps = Pick<SyncDeps, 'clientsFor' | 'remainingMs' | 'now' | 'sleep' | 'random'>;

/**
 * A data source's clients for one invocation, wrapped once with retries, the invocation's
 * request meter, one rate-limit budget per site (the host and each external site apart) and one
 * gate per site (`site-gate.ts`: at most a few requests in flight, and a pause the site asked
 * for holds every stream). The streams of the invocation run side by side over these clients.
 * Budgets and gates must not outlive the invocation: a budget kept for the whole process never
 * refills, so a warm process that had seen maxLimited 429s in total would stop at every later one.
 */
export function invocationClients(deps: ClientDeps, ds: DataSource, meter: RequestMeter, policy: RatePolicy): SiteClients {
  const budgets = new Map<string, RateBudget>();
  const gates = new Map<string, SiteGate>();
  const siteOf = (client: SiteClient) => (client.dataSourceId === 'host' ? 'host' : new URL(client.baseUrl).origin);
  const labelOf = (client: SiteClient) => (client.dataSourceId === 'host' ? 'This Jira site' : new URL(client.baseUrl).hostname);
  const budgetFor = (client: SiteClient): RateBudget => {
    let b = budgets.get(siteOf(client));
    if (!b) {
      b = createRateBudget(labelOf(client), { maxLimited: policy.maxLimited, maxWaitMs: policy.maxWaitMs });
      budgets.set(siteOf(client), b);
    }
    return b;
  };
  const gateFor = (client: SiteClient): SiteGate => {
    let g = gates.get(siteOf(client));
    if (!g) {
      g = createSiteGate(labelOf(client));
      gates.set(siteOf(client), g);
    }
    return g;
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
  const sleep = deps.sleep ?? syncSleep;
  const wrap = (raw: SiteClient | undefined) => {
    if (!raw) return undefined;
    const gate = gateFor(raw);
    const client = timer ? withDeadline(raw, timer) : raw;
    const retrying = withRetries(withPauseOn429(client, gate, deps.now), {
      budget: budgetFor(raw),
      meter,
      sleep,
      random: deps.random,
      now: deps.now,
      ...(remainingMs ? { remainingMs } : {}),
    });
    return withSiteGate(retrying, gate, { now: deps.now, sleep, ...(remainingMs ? { remainingMs } : {}) });
  };
  const raw = deps.clientsFor(ds);
  return { jira: wrap(raw.jira), confluence: wrap(raw.confluence) };
}
