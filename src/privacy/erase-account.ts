import type { ConfigRepository } from '../store/config-repository';
import { KEY } from '../store/keys';
import { purgeActivities, type PurgeDeps } from './purge-activities';
import { teammateAccountIds } from './stored-accounts';

export interface ErasureDeps extends PurgeDeps {
  config: ConfigRepository;
}

export interface ErasureResult {
  activities: number;
  weeks: number;
  teammates: number;
  cacheEntries: number;
}

/** KVS answers at most 20 plain keys per query. */
const PREFIX_PAGE = 20;

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

  let cacheEntries = 0;
  const prefix = KEY.permissionCache(accountId, '');
  // Each pass deletes what the first page shows, so the next pass starts from the top again.
  for (;;) {
    const page = await deps.kvs.queryPrefix<unknown>(prefix, undefined, PREFIX_PAGE);
    for (const r of page.results) await deps.kvs.delete(r.key);
    cacheEntries += page.results.length;
    if (!page.nextCursor || page.results.length === 0) break;
  }
  return { activities: purged.activities, weeks: purged.weeks, teammates: removed, cacheEntries };
}
