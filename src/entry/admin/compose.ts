import { randomUUID } from 'node:crypto';
import type { AdminDeps } from '../../admin/deps';
import { remainingInvocationMs } from '../../platform/app-context';
import { getKvs } from '../../platform/forge-kvs';
import { getConfigRepository, getSyncService } from '../../platform/services';
import { purgeActivities } from '../../privacy/purge-activities';
import { createActivityRepository } from '../../store/activity-repository';
import { createRollupRepository } from '../../store/rollup-repository';
import { createSiteClient } from '../../platform/site-client-factory';
import { createHostSiteClient } from '../../platform/site-clients';
import { createHostViewerClient } from '../../platform/viewer-site-client';
import { createAdminSyncPort } from './sync-adapter';

/** The admin use cases wired to Forge: KVS, the host site as the app, other sites by API token. */
export function composeAdminDeps(siteUrl: string | undefined): AdminDeps {
  const config = getConfigRepository();
  const kvs = getKvs();
  const activities = createActivityRepository(kvs);
  const rollups = createRollupRepository(kvs, activities);
  return {
    config,
    clientFor: (ds, product) => createSiteClient(ds, product, config),
    hostJira: () => createHostSiteClient('jira', siteUrl ? new URL(siteUrl).origin : ''),
    hostJiraAsCaller: () => createHostViewerClient('jira', siteUrl ? new URL(siteUrl).origin : ''),
    sync: createAdminSyncPort(config, getSyncService()),
    purgeTeammateActivities: (teammateId) => purgeActivities({ kvs, activities, rollups }, { teammateId }, { remainingMs: remainingInvocationMs }),
    now: () => new Date(),
    newId: (prefix) => `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 12)}`,
  };
}
