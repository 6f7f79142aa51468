import { getConfigRepository, getPurgeJobs, getSyncService } from '../platform/services';
import { createHostSiteClient } from '../platform/site-clients';
import { ensureHostDataSource } from '../sync/ensure-host';

/**
 * Scheduled every 5 minutes: resumes purges whose queued pass was lost and finishes settled
 * ones, then syncs when the configured interval has passed.
 */
export const syncTick = async (): Promise<{ ran: boolean; runs: number; purgesFinished: number }> => {
  // Forge routes host calls by the installation, not by URL: the base URL is what we learn here.
  await ensureHostDataSource(getConfigRepository(), () => createHostSiteClient('jira', 'https://host.invalid'));
  const purgesFinished = (await getPurgeJobs().resumeDue()).length;
  const result = await getSyncService().tick();
  return result === 'not-due' ? { ran: false, runs: 0, purgesFinished } : { ran: true, runs: result.length, purgesFinished };
};
