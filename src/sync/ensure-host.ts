import { HOST_DATA_SOURCE_ID, type DataSource } from '../domain/config';
import { getServerInfo } from '../sources/jira/get-server-info';
import type { SiteClient } from '../sources/site-client';
import type { ConfigRepository } from '../store/config-repository';

/**
 * The host site is always a data source. A scheduled trigger has no site URL in its context,
 * so the first one asks the site (serverInfo) and records it.
 */
export async function ensureHostDataSource(config: ConfigRepository, hostJira: () => SiteClient): Promise<DataSource> {
  const existing = await config.getDataSource(HOST_DATA_SOURCE_ID);
  if (existing) return existing;
  const { baseUrl } = await getServerInfo(hostJira());
  return config.ensureHostDataSource(baseUrl);
}
