import { randomUUID } from 'node:crypto';
import type { AdminDeps } from '../../admin/deps';
import { hostConfluenceConnection } from '../../platform/app-context';
import { getConfigRepository, getPurgeJobs, getSyncService } from '../../platform/services';
import { createSiteClient } from '../../platform/site-client-factory';
import { createAnonymousSiteClient, createHostSiteClient } from '../../platform/site-clients';
import { getTenantCloudId } from '../../sources/get-tenant-info';
import { createHostViewerClient } from '../../platform/viewer-site-client';
import { createAdminSyncPort } from './sync-adapter';

/** The admin use cases wired to Forge: KVS, the host site as the app, other sites by API token. */
export function composeAdminDeps(siteUrl: string | undefined): AdminDeps {
  const config = getConfigRepository();
  return {
    config,
    clientFor: (ds, product) => createSiteClient(ds, product, config),
    cloudIdOf: (origin) => getTenantCloudId(createAnonymousSiteClient(origin)),
    hostJira: () => createHostSiteClient('jira', siteUrl ? new URL(siteUrl).origin : ''),
    hostJiraAsCaller: () => createHostViewerClient('jira', siteUrl ? new URL(siteUrl).origin : ''),
    sync: createAdminSyncPort(config, getSyncService()),
    hostConfluence: hostConfluenceConnection,
    purges: getPurgeJobs(),
    now: () => new Date(),
    newId: (prefix) => `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 12)}`,
  };
}
