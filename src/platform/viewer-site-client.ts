import { asUser, assumeTrustedRoute, NeedsAuthenticationError } from '@forge/api';
import { UnreachableError } from '../sources/errors';
import type { Product, SiteClient } from '../sources/site-client';

/**
 * The host site as the user who invoked the resolver: the site answers with what that user
 * may see. Used for the dashboard's view permissions; everything else calls as the app.
 */
export function createHostViewerClient(product: Product, baseUrl: string): SiteClient {
  return {
    dataSourceId: 'host',
    product,
    baseUrl,
    async request(method, path, body) {
      // The sources layer encodes every value it puts in a path, so the route is trusted here.
      const route = assumeTrustedRoute(path);
      const init = {
        method,
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      };
      try {
        const user = asUser();
        return await (product === 'jira' ? user.requestJira(route, init) : user.requestConfluence(route, init));
      } catch (e) {
        // The user has not allowed the app to act for them yet: Forge asks them when the
        // resolver fails with this error, so it must travel up unchanged.
        if (isConsentRequired(e)) throw e;
        throw new UnreachableError(`${product === 'jira' ? 'Jira' : 'Confluence'} could not be reached as you`, { cause: e });
      }
    },
  };
}

/** Whether an error means the user must first allow the app to act on their behalf. */
export function isConsentRequired(e: unknown): boolean {
  return e instanceof NeedsAuthenticationError;
}
