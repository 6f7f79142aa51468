import api, { asApp, assumeTrustedRoute } from '@forge/api';
import { UnreachableError } from '../sources/errors';
import type { HttpMethod, Product, SiteClient, SiteResponse } from '../sources/site-client';

const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };

function init(method: HttpMethod, body: unknown, extra: Record<string, string> = {}) {
  return {
    method,
    headers: { ...JSON_HEADERS, ...extra },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}

async function guarded(call: () => Promise<SiteResponse>, what: string): Promise<SiteResponse> {
  try {
    return await call();
  } catch (e) {
    // DNS failures, resets and proxy errors all mean the same to a sync: try again later.
    throw new UnreachableError(`${what} could not be reached`, { cause: e });
  }
}

/** The site the app is installed on: Forge authenticates the call as the app (no token). */
export function createHostSiteClient(product: Product, baseUrl: string): SiteClient {
  return {
    dataSourceId: 'host',
    product,
    baseUrl,
    request(method, path, body) {
      // The sources layer encodes every value it puts in a path, so the route is trusted here.
      const route = assumeTrustedRoute(path);
      const app = asApp();
      return guarded(
        () =>
          product === 'jira'
            ? app.requestJira(route, init(method, body))
            : app.requestConfluence(route, init(method, body)),
        product === 'jira' ? 'Jira' : 'Confluence',
      );
    },
  };
}

export interface Credentials {
  email: string;
  token: string;
}

/**
 * Another Atlassian Cloud site, reached with an API token. The token is read from KVS secrets
 * on every call (never kept on the client), so a replaced token takes effect at once. Requests go
 * to `apiBase` (the site's origin, or the API gateway for a scoped token: domain/config.ts
 * `apiBaseUrl`); `baseUrl` stays the site's address people open.
 */
export function createCloudSiteClient(opts: {
  dataSourceId: string;
  product: Product;
  baseUrl: string;
  apiBase: string;
  credentials: () => Promise<Credentials>;
}): SiteClient {
  const apiBase = opts.apiBase.replace(/\/+$/, '');
  const where = new URL(opts.baseUrl).origin;
  return {
    dataSourceId: opts.dataSourceId,
    product: opts.product,
    baseUrl: opts.baseUrl,
    async request(method, path, body) {
      const { email, token } = await opts.credentials();
      const auth = `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;
      return guarded(() => api.fetch(apiBase + path, init(method, body, { Authorization: auth })), where);
    },
  };
}

/**
 * A site's public, unauthenticated endpoints (its cloud id): no credentials are ever sent.
 * `origin` is a validated site address (domain/site-url.ts).
 */
export function createAnonymousSiteClient(origin: string): SiteClient {
  const base = new URL(origin).origin;
  return {
    dataSourceId: 'anonymous',
    product: 'jira',
    baseUrl: base,
    request(method, path, body) {
      return guarded(() => api.fetch(base + path, init(method, body)), base);
    },
  };
}
