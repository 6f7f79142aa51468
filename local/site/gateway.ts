import type { SiteState } from './site-state';

/**
 * Atlassian's API gateway for scoped API tokens: `https://api.atlassian.com/ex/jira/{cloudId}/…`
 * and `…/ex/confluence/{cloudId}/…` reach the site with that cloud id.
 * https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/
 * A request reaches the emulator with `x-forwarded-host: api.atlassian.com` and the full path.
 */
export const GATEWAY_HOST = 'api.atlassian.com';

export type GatewayProduct = 'jira' | 'confluence';

export type GatewayRoute =
  | { kind: 'site' }
  | { kind: 'gateway'; product: GatewayProduct; state: SiteState; path: string }
  | { kind: 'refused'; status: number; body: GatewayErrorBody };

export interface GatewayErrorBody {
  code: number;
  message: string;
}

/**
 * A call outside the token's scopes, as real gateways answer it: 401 with
 * `X-Failure-Category: FAILURE_CLIENT_SCOPE_CHECK` and this body
 * (https://github.com/kovetskiy/mark/issues/917,
 * https://community.atlassian.com/forums/Jira-Service-Management/Having-problems-with-Jira-scope-for-rule-management-API/qaq-p/3135618).
 */
export const SCOPE_MISMATCH = {
  status: 401,
  headers: { 'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK' },
  body: { code: 401, message: 'Unauthorized; scope does not match' } satisfies GatewayErrorBody,
} as const;

/**
 * Inferred, not documented: the body the gateway gives a request it cannot authenticate (a wrong
 * or revoked token, or a classic token, which the documents send to the site's own address) and
 * a cloud id it does not know. Modelled in the gateway's own `{code, message}` shape.
 */
export const GATEWAY_UNAUTHORIZED: GatewayErrorBody = { code: 401, message: 'Unauthorized' };

/** Splits a gateway path; anything else on the gateway host is refused with 404. */
export function routeGateway(forwardedHost: string | undefined, pathname: string, sites: Map<string, SiteState>): GatewayRoute {
  if ((forwardedHost ?? '').trim().toLowerCase() !== GATEWAY_HOST) return { kind: 'site' };
  const m = /^\/ex\/(jira|confluence)\/([^/]+)(\/.*)$/.exec(pathname);
  const notFound = (message: string): GatewayRoute => ({ kind: 'refused', status: 404, body: { code: 404, message } });
  if (!m) return notFound('Not Found');
  const product = m[1] as GatewayProduct;
  const cloudId = decodeURIComponent(m[2]).toLowerCase();
  const state = [...sites.values()].find((s) => s.cloudId.toLowerCase() === cloudId);
  if (!state) return notFound(`No site with cloud id ${cloudId}`);
  const path = m[3];
  // Each product's gateway serves its own REST paths only (inferred from the documented forms:
  // /ex/jira/{id}/rest/api/3/..., /ex/confluence/{id}/wiki/...).
  if ((product === 'confluence') !== path.startsWith('/wiki/')) return notFound('Not Found');
  return { kind: 'gateway', product, state, path };
}
