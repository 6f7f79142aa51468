import type { DataSource } from '../domain/config';
import type { ConnectionTest, ProductCheck } from '../shared/admin-contract';
import { CONFLUENCE_NOT_CONNECTED } from '../shared/confluence-connection';
import { fail, ok, type Result } from '../shared/result';
import { ALL_SCOPED_TOKEN_SCOPES } from '../shared/scoped-token-scopes';
import { AuthError, ForbiddenError, NotFoundError, RateLimitError, TokenScopeError, UnreachableError } from '../sources/errors';
import type { Product, SiteClient } from '../sources/site-client';
import { MissingCredentialsError } from '../store/config-repository';
import type { AdminDeps } from './deps';
import { signsInAsOtherKind, whoAmI } from './token-kind-probe';

/** A resolver has 25 s; two products must both get an answer well within it. */
const CHECK_TIMEOUT_MS = 10_000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UnreachableError(`The site did not answer within ${ms / 1000} seconds`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function describeFailure(product: Product, ds: DataSource, e: unknown): Omit<ProductCheck, 'product'> {
  const name = product === 'jira' ? 'Jira' : 'Confluence';
  const url = product === 'jira' ? ds.jiraUrl : ds.confluenceUrl;
  const fallback = product === 'confluence' && !ds.confluenceTokenSetAt ? ' (Confluence uses the Jira email and token because its own fields are empty)' : '';
  if (e instanceof MissingCredentialsError) {
    return { status: 'not-configured', title: 'No API token saved', advice: `Enter the email and API token for ${name} and save.` };
  }
  if (e instanceof TokenScopeError) {
    return {
      status: 'missing-scope',
      title: 'The token lacks a scope',
      advice:
        `Atlassian's API gateway refused the scoped token for ${name}: it lacks a scope ActivityPulse needs ("scope does not match"). ` +
        `Create a scoped API token with these scopes: ${ALL_SCOPED_TOKEN_SCOPES.join(', ')}. Then replace the token.`,
    };
  }
  if (e instanceof AuthError) {
    return {
      status: 'auth-failed',
      title: 'Authentication failed',
      advice:
        `${name} refused the email and API token${fallback}. Check that the email is exactly the one of the Atlassian account that created the token, ` +
        'that the token was copied whole with no spaces or line breaks, and that it has not been revoked or expired (Atlassian account → Security → API tokens). Then replace the token.',
    };
  }
  if (e instanceof ForbiddenError) {
    return {
      status: 'forbidden',
      title: 'Forbidden',
      advice: `The account signed in but may not use ${name} on ${url}: give it product access (and permission to browse projects${product === 'confluence' ? ' and spaces' : ''}), or use another account.`,
    };
  }
  if (e instanceof NotFoundError) {
    return {
      status: 'not-found',
      title: 'Not found',
      advice:
        product === 'jira'
          ? `Nothing answered at ${url}: check the site address (https://<name>.atlassian.net).`
          : `Confluence did not answer at ${url}: check the address ends in /wiki, or clear it if this site has no Confluence.`,
    };
  }
  if (e instanceof RateLimitError) {
    const wait = e.retryAfterSec ? ` about ${e.retryAfterSec} seconds` : ' a minute';
    return { status: 'rate-limited', title: 'Rate limited', advice: `${name} is limiting requests from this account right now: wait${wait} and test again.` };
  }
  if (e instanceof UnreachableError) {
    return {
      status: 'unreachable',
      title: 'Site unreachable',
      advice: `${url} could not be reached (the name does not resolve, the network failed, or it timed out). Check the site name is spelled right and the site still exists, then try again.`,
    };
  }
  return { status: 'error', title: 'Unexpected answer', advice: `${name} answered in a way we did not expect. Try again; if it persists, the site may be having problems.` };
}

function wrongKind(product: Product, ds: DataSource): Omit<ProductCheck, 'product'> {
  const name = product === 'jira' ? 'Jira' : 'Confluence';
  if (ds.tokenKind === 'scoped') {
    return {
      status: 'wrong-token-kind',
      title: 'This is a classic API token',
      advice: `${name} accepts this token on the site's own address, so it is a classic token (without scopes). Set the token kind to "Classic API token", paste the token again and save.`,
    };
  }
  return {
    status: 'wrong-token-kind',
    title: 'This is a scoped API token',
    advice:
      `${name} refused the token on ${ds.jiraUrl}, but Atlassian's API gateway accepts it: it is a token with scopes (service accounts only have these), which works only through api.atlassian.com. ` +
      'Set the token kind to "Scoped API token", paste the token again and save.',
  };
}

async function checkProduct(deps: AdminDeps, product: Product, ds: DataSource, client: SiteClient | undefined): Promise<ProductCheck> {
  if (!client) return { product, status: 'not-configured', title: 'Not configured', advice: 'No address is saved for this product.' };
  const name = product === 'jira' ? 'Jira' : 'Confluence';
  try {
    const connectedAs = await withTimeout(whoAmI(product, client), CHECK_TIMEOUT_MS);
    return { product, status: 'ok', title: 'Connected', advice: `Signed in to ${name} as ${connectedAs.displayName ?? connectedAs.accountId}.`, connectedAs };
  } catch (e) {
    // A 401 looks the same for a wrong token and a token of the other kind: ask the other way.
    if (e instanceof AuthError && !(e instanceof TokenScopeError) && (await withTimeout(signsInAsOtherKind(deps, product, ds), CHECK_TIMEOUT_MS).catch(() => false))) {
      return { product, ...wrongKind(product, ds) };
    }
    return { product, ...describeFailure(product, ds, e) };
  }
}

/** Calls Jira /myself and, when configured, Confluence's current user, and says what each answered. Changes nothing. */
export async function runConnectionTest(deps: AdminDeps, ds: DataSource): Promise<ConnectionTest> {
  const notConnected = ds.kind === 'host' && deps.hostConfluence?.() === 'not-connected';
  const [jira, confluence] = await Promise.all([
    checkProduct(deps, 'jira', ds, deps.clientFor(ds, 'jira')),
    notConnected
      ? Promise.resolve<ProductCheck>({ product: 'confluence', status: 'not-connected', title: CONFLUENCE_NOT_CONNECTED.title, advice: CONFLUENCE_NOT_CONNECTED.howTo })
      : ds.confluenceUrl ? checkProduct(deps, 'confluence', ds, deps.clientFor(ds, 'confluence')) : Promise.resolve(undefined),
  ]);
  return { dataSourceId: ds.id, testedAt: deps.now().toISOString(), jira, ...(confluence ? { confluence } : {}) };
}

/** Whether a test passed. Confluence not connected is a state of the installation, not a failure of the source. */
export function testPassed(t: ConnectionTest): boolean {
  return t.jira.status === 'ok' && (!t.confluence || t.confluence.status === 'ok' || t.confluence.status === 'not-connected');
}

/**
 * The Test connection button: a pass clears the failing mark and enables a source saved while
 * it was waiting for one (`awaitingTest`); a failure changes nothing.
 */
export async function testConnection(deps: AdminDeps, id: string): Promise<Result<ConnectionTest>> {
  const ds = await deps.config.getDataSource(id);
  if (!ds) return fail('NOT_FOUND', 'This data source no longer exists: reload the page.');
  const test = await runConnectionTest(deps, ds);
  if (!testPassed(test)) return ok(test);
  await deps.config.clearFailing(id);
  if (!ds.awaitingTest) return ok(test);
  await deps.config.updateDataSource(id, (d) => {
    const next = { ...d, enabled: true };
    delete next.awaitingTest;
    return next;
  });
  return ok({ ...test, enabledNow: true });
}
