import { apiBaseUrl, type DataSource } from '../domain/config';
import { withLoginCheck } from '../sources/login-check';
import type { Product, SiteClient } from '../sources/site-client';
import type { ConfigRepository } from '../store/config-repository';
import { createCloudSiteClient, createHostSiteClient } from './site-clients';

/** Base URL a product is served at for a data source (what people open), or undefined when it has none. */
export function productBaseUrl(ds: DataSource, product: Product): string | undefined {
  if (product === 'jira') return new URL(ds.jiraUrl).origin;
  return ds.confluenceUrl ? ds.confluenceUrl.replace(/\/+$/, '') : undefined;
}

/** The raw client for one product of one data source (no retries; wrap it for a sync). */
export function createSiteClient(ds: DataSource, product: Product, config: ConfigRepository): SiteClient | undefined {
  const baseUrl = productBaseUrl(ds, product);
  if (!baseUrl) return undefined;
  if (ds.kind === 'host') return createHostSiteClient(product, baseUrl);
  // Every REST call of an external source goes to this one base: its site, or the API gateway.
  const apiBase = apiBaseUrl(ds, product);
  if (!apiBase) return undefined;
  return withLoginCheck(
    createCloudSiteClient({
      dataSourceId: ds.id,
      product,
      baseUrl,
      apiBase,
      credentials: () => config.getCredentials(ds.id, product),
    }),
  );
}
