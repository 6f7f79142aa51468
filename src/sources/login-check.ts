import { AuthError } from './errors';
import { decorateClient, type SiteClient, type SiteResponse } from './site-client';

/**
 * Jira serves a refused API-token login as the anonymous user on a site that allows anonymous
 * access: 200, empty searches, and `X-Seraph-LoginReason: AUTHENTICATED_FAILED` on the answer
 * (https://support.atlassian.com/jira/kb/jira-cloud-jql-search-rest-api-returns-200-ok-without-api-token/;
 * AUTHENTICATION_DENIED is the CAPTCHA variant). Such an answer is an authentication failure,
 * whatever its status: an empty page from it must never count as "nothing changed".
 */
const FAILED_LOGIN = new Set(['AUTHENTICATED_FAILED', 'AUTHENTICATION_DENIED']);

export function loginRefused(res: SiteResponse): boolean {
  const reason = res.headers.get('x-seraph-loginreason');
  return reason !== null && reason.split(',').some((r) => FAILED_LOGIN.has(r.trim().toUpperCase()));
}

/** Wraps a token-authenticated client so every answer to a refused login throws `AuthError`. */
export function withLoginCheck(inner: SiteClient): SiteClient {
  return decorateClient(inner, async (method, path, body) => {
    const res = await inner.request(method, path, body);
    if (loginRefused(res)) throw new AuthError();
    return res;
  });
}
