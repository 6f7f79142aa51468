import type { IncomingHttpHeaders } from 'node:http';
import type { SiteState } from './site-state';
import type { Identity } from './viewer';

export type Product = 'jira' | 'confluence';
export type AuthOutcome =
  /**
   * `loginFailed`: credentials were sent and refused, and the site let the caller in as anonymous.
   * `scopes`: a scoped token's scopes (through the gateway only).
   */
  | { ok: true; identity: Identity; loginFailed?: boolean; scopes?: readonly string[] }
  | { ok: false; status: 401 | 403; message: string };

/** The site's own address, or Atlassian's API gateway (local/site/gateway.ts). */
export type AuthVia = 'site' | 'gateway';

const UNAUTHENTICATED = 'Client must be authenticated to access this resource.';

/**
 * Resolves the caller. `x-forge-identity` is set only by the local runtime in place of the Forge
 * proxy; API-token Basic auth is what other sites see. A token that does not match gives 401,
 * a valid user without access to the product gives 403, as on a real site.
 *
 * Token kinds: on the site's address only a classic token signs in; a scoped token there is
 * refused exactly like a wrong one (401; Atlassian: "there is no way to distinguish them just
 * from the token itself", https://support.atlassian.com/atlassian-cloud/kb/401-unauthorized-error-when-service-account-accesses-jira-or-confluence-api).
 * Through the gateway only a scoped token signs in, and the outcome carries its scopes.
 */
export function authenticate(state: SiteState, headers: IncomingHttpHeaders, product: Product, via: AuthVia = 'site'): AuthOutcome {
  const forge = headerValue(headers['x-forge-identity']);
  if (forge !== undefined && via === 'site') return forgeIdentity(state, forge, product);
  const out = basicAuth(state, headers, product, via);
  // A site that allows anonymous access serves a refused login as the anonymous user, with 200.
  // The gateway has no anonymous access (inferred: it exists for authenticated API calls).
  if (via === 'site' && !out.ok && out.status === 401 && state.anonymousAccess) {
    return { ok: true, identity: { kind: 'anonymous' }, loginFailed: headers.authorization !== undefined };
  }
  return out;
}

function basicAuth(state: SiteState, headers: IncomingHttpHeaders, product: Product, via: AuthVia): AuthOutcome {
  const auth = headerValue(headers.authorization);
  if (auth === undefined) return { ok: false, status: 401, message: UNAUTHENTICATED };
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(auth);
  if (!m) return { ok: false, status: 401, message: UNAUTHENTICATED };
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const sep = decoded.indexOf(':');
  if (sep < 0) return { ok: false, status: 401, message: UNAUTHENTICATED };
  const email = decoded.slice(0, sep).toLowerCase();
  const token = decoded.slice(sep + 1);
  const user = state.usersByEmail.get(email);
  if (!user || !user.active) return { ok: false, status: 401, message: UNAUTHENTICATED };
  if (via === 'gateway') {
    const scoped = user.scopedTokens?.find((t) => t.token === token);
    if (!scoped) return { ok: false, status: 401, message: UNAUTHENTICATED };
    const outcome = withProductAccess({ kind: 'user', user, via: 'token' }, product);
    return outcome.ok ? { ...outcome, scopes: scoped.scopes } : outcome;
  }
  if (user.apiToken === undefined || user.apiToken !== token) return { ok: false, status: 401, message: UNAUTHENTICATED };
  return withProductAccess({ kind: 'user', user, via: 'token' }, product);
}

function forgeIdentity(state: SiteState, value: string, product: Product): AuthOutcome {
  if (value === 'app') return { ok: true, identity: { kind: 'app' } };
  const m = /^user:(.+)$/.exec(value);
  const user = m ? state.usersById.get(m[1]) : undefined;
  if (!user || !user.active) return { ok: false, status: 401, message: UNAUTHENTICATED };
  return withProductAccess({ kind: 'user', user, via: 'forge' }, product);
}

function withProductAccess(identity: Identity & { kind: 'user' }, product: Product): AuthOutcome {
  const products = identity.user.products ?? ['jira', 'confluence'];
  if (!products.includes(product)) {
    const name = product === 'jira' ? 'Jira' : 'Confluence';
    return { ok: false, status: 403, message: `You do not have access to ${name} on this site.` };
  }
  return { ok: true, identity };
}

function headerValue(h: string | string[] | undefined): string | undefined {
  return Array.isArray(h) ? h[0] : h;
}
