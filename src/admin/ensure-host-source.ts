import { hostDataSource, type DataSource } from '../domain/config';
import { getCurrentUser } from '../sources/confluence/get-current-user';
import { isNotFoundError } from '../sources/errors';
import { getServerInfo } from '../sources/jira/get-server-info';
import type { SiteClient } from '../sources/site-client';
import type { AdminDeps } from './deps';

export type HostSourceDeps = Pick<AdminDeps, 'config' | 'clientFor' | 'hostJira' | 'now' | 'hostConfluence'>;

/** Only "no Confluence here" is a definite no; anything else (a hiccup) assumes it exists. */
async function answersOnWiki(probe: SiteClient | undefined): Promise<boolean> {
  if (!probe) return false;
  try {
    return Boolean(await getCurrentUser(probe));
  } catch (e) {
    return !isNotFoundError(e);
  }
}

/**
 * The host site as a data source, created on first need by the admin page or the scheduled
 * trigger alike. Its URL comes from the invocation context when there is one, else from the site
 * itself (a trigger has none); Confluence is listed only when the site answers on /wiki.
 */
export function ensureHostSource(deps: HostSourceDeps, contextSiteUrl?: string): Promise<DataSource> {
  return deps.config.ensureHostDataSource(async () => {
    const siteUrl = contextSiteUrl ?? (await getServerInfo(deps.hostJira())).baseUrl;
    const withWiki = hostDataSource({ siteUrl, hasConfluence: true }, deps.now().toISOString());
    // Not connected yet: the site cannot be asked, and a site admin may connect it later.
    if (deps.hostConfluence?.() === 'not-connected') return { siteUrl, hasConfluence: true };
    return { siteUrl, hasConfluence: await answersOnWiki(deps.clientFor(withWiki, 'confluence')) };
  });
}
