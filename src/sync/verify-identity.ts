import { HOST_DATA_SOURCE_ID } from '../domain/config';
import type { ResultError } from '../shared/result';
import { getCurrentUser } from '../sources/confluence/get-current-user';
import { getMyself } from '../sources/jira/get-myself';
import type { SiteClient } from '../sources/site-client';
import type { Invocation } from './invocation';
import { recordError } from './run-record';
import { classifyStepFailure } from './step-failure';

/** How a run's invocation ends when the site would not say who the token belongs to. */
export interface IdentityRefusal {
  outcome: 'finished' | 'rate-limited';
  accessLost?: ResultError;
  /** Rate limited: when the site lets us back in, if it said. */
  resumeAtMs?: number;
}

/**
 * Asks each product who the data source's token belongs to, once per invocation, before any
 * stream reads: `GET /rest/api/3/myself` (401 for the anonymous user) and
 * `GET /wiki/rest/api/user/current` (a user of type "anonymous"). A site that allows anonymous
 * access answers a bad or revoked token with 200 and empty results, which would otherwise read
 * as "nothing changed" and move every watermark. The host site is called as the app through
 * Forge (no token to go bad) and is not asked.
 *
 * Refused: every stream not yet finished fails (no watermark moves, no sweep), the error goes
 * into the run, and an authentication failure marks the source failing.
 */
export async function verifyIdentity(inv: Invocation): Promise<IdentityRefusal | undefined> {
  if (inv.ds.id === HOST_DATA_SOURCE_ID) return undefined;
  const checks: [SiteClient | undefined, (c: SiteClient) => Promise<unknown>, 'jira' | 'confluence'][] = [
    [inv.clients.jira, getMyself, 'jira'],
    [inv.clients.confluence, getCurrentUser, 'confluence'],
  ];
  // Both products are asked side by side; their answers are judged in order, Jira first.
  const answers = await Promise.all(checks.map(([client, ask]) => (client ? ask(client).then(() => undefined, (e: unknown) => ({ e })) : undefined)));
  for (const [i, [, , product]] of checks.entries()) {
    const failed = answers[i];
    if (failed) {
      const refusal = refuse(inv, failed.e, product);
      if (refusal) return refusal;
    }
  }
  return undefined;
}

function refuse(inv: Invocation, e: unknown, product: 'jira' | 'confluence'): IdentityRefusal | undefined {
  const { run, deps } = inv;
  const failure = classifyStepFailure(e, { product }, 0);
  // A site without Confluence: the Confluence streams find that out themselves.
  if (failure.kind === 'unavailable') return undefined;
  recordError(run, deps.now(), undefined, failure.error);
  if (failure.kind === 'rate-limited') return { outcome: 'rate-limited', ...(failure.resumeAtMs === undefined ? {} : { resumeAtMs: failure.resumeAtMs }) };
  for (const progress of Object.values(run.streams)) {
    if (progress.status === 'pending' || progress.status === 'running') Object.assign(progress, { status: 'failed', note: failure.error.message });
  }
  return { outcome: 'finished', ...(failure.kind === 'access-lost' ? { accessLost: failure.error } : {}) };
}
