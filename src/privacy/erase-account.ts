import type { Activity } from '../domain/activity';
import { weekOfActivity, type ActivityRepository } from '../store/activity-repository';
import type { ConfigRepository } from '../store/config-repository';
import { ENTITY, INDEX, KEY } from '../store/keys';
import type { KvsPort } from '../store/kvs-port';
import type { RollupRepository } from '../store/rollup-repository';
import { teammateAccountIds } from './stored-accounts';

export interface ErasureDeps {
  kvs: KvsPort;
  config: ConfigRepository;
  activities: ActivityRepository;
  rollups: RollupRepository;
}

export interface ErasureResult {
  activities: number;
  weeks: number;
  teammates: number;
  cacheEntries: number;
}

const PAGE = 100;
/** KVS answers at most 20 plain keys per query. */
const PREFIX_PAGE = 20;

async function activityIdsOf(kvs: KvsPort, accountId: string): Promise<Array<{ id: string; at: string }>> {
  const out: Array<{ id: string; at: string }> = [];
  let cursor: string | undefined;
  do {
    const page = await kvs.entityQuery<{ atSec?: unknown; doc?: Partial<Activity> }>(ENTITY.activity, {
      index: INDEX.activity.byAccount,
      partition: [accountId],
      range: { op: 'gte', value: 0 },
      limit: PAGE,
      cursor,
    });
    for (const r of page.results) out.push({ id: r.key, at: r.value.doc?.at ?? new Date(Number(r.value.atSec) * 1000).toISOString() });
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/**
 * Erases what the app keeps about a closed Atlassian account: the activities that person did
 * (found through the by-account index; their rollup weeks are recounted, so counts drop too),
 * the teammate entries that stand for the account (name, emails, ids), and cached permission
 * answers about them as a viewer. Safe to run again: a second pass finds nothing.
 */
export async function eraseAccount(deps: ErasureDeps, accountId: string): Promise<ErasureResult> {
  const found = await activityIdsOf(deps.kvs, accountId);
  const weeks = new Set<string>();
  for (const a of found) weeks.add(weekOfActivity(a));
  // Dirty first, as the sync's writer does: an interrupted erasure still gets its weeks recounted.
  await deps.rollups.markDirty(weeks);
  await deps.activities.deleteMany(found.map((a) => a.id));
  await deps.rollups.recountDirty(weeks);

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
  return { activities: found.length, weeks: weeks.size, teammates: removed, cacheEntries };
}
