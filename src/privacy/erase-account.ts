import type { ConfigRepository } from '../store/config-repository';
import type { PermissionCacheRepository } from '../store/permission-cache-repository';
import { purgeActivities, type PurgeDeps } from './purge-activities';
import { teammateAccountIds } from './stored-accounts';

export interface ErasureDeps extends PurgeDeps {
  config: ConfigRepository;
  permissionCache: PermissionCacheRepository;
}

export interface ErasureResult {
  activities: number;
  weeks: number;
  teammates: number;
  cacheEntries: number;
}

/**
 * Erases what the app keeps about a closed Atlassian account: the activities that person did
 * (found through the by-account index; their rollup weeks are recounted, so counts drop too),
 * the teammate entries that stand for the account (name, emails, ids), and cached permission
 * answers about them as a viewer. Safe to run again: a second pass finds nothing.
 */
export async function eraseAccount(deps: ErasureDeps, accountId: string): Promise<ErasureResult> {
  // No time budget: the daily trigger erases accounts one by one, and a rerun continues anyway.
  const purged = await purgeActivities(deps, { accountId });

  const doc = await deps.config.getTeammates();
  const keep = doc.teammates.filter((t) => !teammateAccountIds(t).includes(accountId));
  const removed = doc.teammates.length - keep.length;
  if (removed > 0) await deps.config.saveTeammates({ ...doc, teammates: keep });

  const cacheEntries = await deps.permissionCache.deleteForAccount(accountId);
  return { activities: purged.activities, weeks: purged.weeks, teammates: removed, cacheEntries };
}
