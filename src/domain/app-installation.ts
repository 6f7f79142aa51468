/**
 * Which Atlassian apps of the host site the app's installation is connected to. The manifest
 * declares Jira required and Confluence optional (`app.compatibility`): a Jira admin installs the
 * app in Jira, and a site admin may connect Confluence later (Connected apps), or never.
 * https://developer.atlassian.com/platform/forge/app-compatibility
 */
export type ConfluenceConnection = 'connected' | 'not-connected' | 'unknown';

const SITE_CONTEXT = /^ari:cloud:(jira|confluence)::site\//;

/**
 * Reads the installation's context ARIs (`getAppContext().installation.contexts`, one per
 * connected app; strings or ARI objects with toString). A Confluence site context means
 * connected; a Jira one without it means not connected; no contexts, or none we recognise,
 * tell nothing ('unknown'), and the app then calls Confluence as before.
 */
export function confluenceConnectionOf(contexts: readonly unknown[] | undefined): ConfluenceConnection {
  if (!contexts) return 'unknown';
  const products = new Set(contexts.map((c) => SITE_CONTEXT.exec(String(c))?.[1]).filter(Boolean));
  if (products.has('confluence')) return 'connected';
  return products.has('jira') ? 'not-connected' : 'unknown';
}
