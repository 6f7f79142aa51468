import type { RuntimeInfo } from './global-state';

/**
 * The app's installation as `getAppContext().installation` reports it: its ARI and one context
 * ARI per Atlassian app it is connected to on the site. The manifest declares Jira required and
 * Confluence optional (`app.compatibility`), so Jira is always there and Confluence only once a
 * site admin connected it (Connected apps).
 *
 * The field and its types are @forge/api's (`Installation {ari, contexts: ContextAri[]}`,
 * documented on the getAppContext page); that a multi-app installation lists one site context
 * per connected app is inferred (docs/site-fixture.md, "App compatibility").
 */
export function installationOf(info: RuntimeInfo): { ari: { installationId: string; toString(): string }; contexts: { cloudId: string; toString(): string }[] } {
  const context = (product: 'jira' | 'confluence') => ({ cloudId: info.cloudId, toString: () => `ari:cloud:${product}::site/${info.cloudId}` });
  return {
    ari: { installationId: info.installationId, toString: () => `ari:cloud:ecosystem::installation/${info.installationId}` },
    contexts: info.confluenceConnected ? [context('jira'), context('confluence')] : [context('jira')],
  };
}

/**
 * What the product proxy answers a host Confluence call while Confluence is not connected.
 * Undocumented: modelled as a refusal (403) that the app must not read as "deleted" (a 404
 * could purge) nor as a reason to move any watermark. Inferred (docs/site-fixture.md).
 */
export function confluenceNotConnectedResponse(): Response {
  return new Response(
    JSON.stringify({ statusCode: 403, message: 'Confluence is not connected to this app installation.' }),
    { status: 403, headers: { 'content-type': 'application/json' } },
  );
}

/** Confluence's product events reach an app only from a connected Confluence. */
export function isConfluenceEvent(eventType: string): boolean {
  return eventType.startsWith('avi:confluence:');
}
