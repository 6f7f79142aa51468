import { getConfigRepository, getSyncService } from '../platform/services';
import { createHostSiteClient } from '../platform/site-clients';
import { ensureHostDataSource } from '../sync/ensure-host';

/** Scheduled every 5 minutes; syncs only when the configured interval has passed. */
export const syncTick = async (): Promise<{ ran: boolean; runs: number }> => {
  // Forge routes host calls by the installation, not by URL: the base URL is what we learn here.
  await ensureHostDataSource(getConfigRepository(), () => createHostSiteClient('jira', 'https://host.invalid'));
  const result = await getSyncService().tick();
  return result === 'not-due' ? { ran: false, runs: 0 } : { ran: true, runs: result.length };
};
