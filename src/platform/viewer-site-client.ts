import { asUser, assumeTrustedRoute } from '@forge/api';
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
        throw new UnreachableError(`${product === 'jira' ? 'Jira' : 'Confluence'} could not be reached as you`, { cause: e });
      }
    },
  };
}
