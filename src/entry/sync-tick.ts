import { ensureHostSource } from '../admin/ensure-host-source';
import { hostConfluenceConnection } from '../platform/app-context';
import { getConfigRepository, getPurgeJobs, getSyncService } from '../platform/services';
import { createSiteClient } from '../platform/site-client-factory';
import { createHostSiteClient } from '../platform/site-clients';

/**
 * Scheduled every 5 minutes: resumes purges whose queued pass was lost and finishes settled
 * ones, then syncs when the configured interval has passed.
 */
export const syncTick = async (): Promise<{ ran: boolean; runs: number; purgesFinished: number }> => {
  const config = getConfigRepository();
  await ensureHostSource({
    config,
    // Forge routes host calls by the installation, not by URL: the base URL is what we learn here.
    hostJira: () => createHostSiteClient('jira', 'https://host.invalid'),
    clientFor: (ds, product) => createSiteClient(ds, product, config),
    now: () => new Date(),
    hostConfluence: hostConfluenceConnection,
  });
  const purgesFinished = (await getPurgeJobs().resumeDue()).length;
  const result = await getSyncService().tick();
  return result === 'not-due' ? { ran: false, runs: 0, purgesFinished } : { ran: true, runs: result.length, purgesFinished };
};
