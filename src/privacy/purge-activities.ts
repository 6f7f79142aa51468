import { randomUUID } from 'node:crypto';
import { weekOfActivity, type ActivityIndex, type ActivityRepository, type PurgeRow } from '../store/activity-repository';
import type { RollupRepository } from '../store/rollup-repository';
import { isIdentityTarget, type PurgeTarget } from '../store/purge-job-repository';

export interface PurgeDeps {
  activities: ActivityRepository;
  rollups: RollupRepository;
}

export type { PurgeTarget } from '../store/purge-job-repository';

export interface PurgeOptions {
  /** Time left in the invocation (ms), or undefined when unknown (then the purge runs to the end). */
  remainingMs?: () => number | undefined;
  /** Stop deleting when less than this is left, so the answer still gets out (default 5 s). */
  reserveMs?: number;
  /** Index rows read (and deleted) per step; default 100. */
  pageSize?: number;
  /** Names this invocation's rollup marks (unique per invocation); random by default. */
  owner?: string;
  /** Weeks an earlier invocation of the same purge emptied: recounted again at the end. */
  earlierWeeks?: Iterable<string>;
  /**
   * For an identity target: whether the account is again the teammate's on a data source (the
   * admin gave the identity back), read when the pass starts. Those rows are kept. Absent: none is.
   */
  mappedAgain?: (dataSourceId: string) => boolean;
}

export interface PurgeResult {
  activities: number;
  weeks: number;
  /** False when time ran out: some activities remain; running the purge again continues it. */
  done: boolean;
  /** The weeks this invocation took activities out of. */
  touchedWeeks: string[];
  /** False when there was no time left to recount: the weeks stay marked until a later recount. */
  recounted: boolean;
}

const PAGE = 100;
const DEFAULT_RESERVE_MS = 5_000;

function indexOf(target: PurgeTarget): ActivityIndex {
  if ('accountId' in target) return { by: 'account', accountId: target.accountId };
  if ('teammateId' in target) return { by: 'teammate', teammateId: target.teammateId };
  return { by: 'source', dataSourceId: target.dataSourceId };
}

/** Which rows of the index partition the target covers: all of them, except for an identity. */
function rowFilter(target: PurgeTarget, opts: PurgeOptions): (row: PurgeRow) => boolean {
  if (!isIdentityTarget(target)) return () => true;
  const again = opts.mappedAgain ?? (() => false);
  return (row) => row.teammateId === target.teammateId && !(row.dataSourceId !== undefined && again(row.dataSourceId));
}

/**
 * Deletes every stored activity of an account, a teammate or a data source (or what one account
 * contributed to one teammate) and recounts the
 * rollup weeks they counted in. Deletes page by page while paging the index (the cursor is a
 * position, so deleted rows do not shift it), marking each week before its first deletion, as
 * the sync's writer does. When time runs out the marks stay (a later recount takes them once
 * they expire) and running the purge again finds what is left: src/privacy/purge-jobs.ts does
 * that from the queue.
 */
export async function purgeActivities(deps: PurgeDeps, target: PurgeTarget, opts: PurgeOptions = {}): Promise<PurgeResult> {
  const index = indexOf(target);
  const reserve = opts.reserveMs ?? DEFAULT_RESERVE_MS;
  const outOfTime = () => {
    const left = opts.remainingMs?.();
    return left !== undefined && left < reserve;
  };
  const owner = opts.owner ?? randomUUID();
  const weeks = new Set<string>();
  let deleted = 0;
  let done = false;
  let cursor: string | undefined;
  const covered = rowFilter(target, opts);
  while (!outOfTime()) {
    const page = await deps.activities.pageIds(index, { cursor, limit: opts.pageSize ?? PAGE });
    const rows = page.rows.filter(covered);
    const pageWeeks = new Set(rows.map(weekOfActivity));
    if (rows.length > 0) {
      const fresh = [...pageWeeks].filter((w) => !weeks.has(w));
      if (fresh.length) await deps.rollups.mark(fresh, owner);
      for (const w of fresh) weeks.add(w);
      // deleteMany sends batches of at most 25 keys (the KVS batch limit).
      await deps.activities.deleteMany(rows.map((r) => r.id));
      deleted += rows.length;
    }
    cursor = page.nextCursor;
    if (!cursor) {
      done = true;
      break;
    }
  }
  // Without the time to recount, the weeks stay marked for a later recount to take over. With
  // it, the recount also takes over marks that writers cut off long ago left behind.
  const toRecount = new Set([...weeks, ...(opts.earlierWeeks ?? [])]);
  const recounted = !outOfTime();
  if (recounted) await deps.rollups.recountDirty(toRecount, owner);
  return { activities: deleted, weeks: weeks.size, done, touchedWeeks: [...weeks].sort(), recounted };
}
