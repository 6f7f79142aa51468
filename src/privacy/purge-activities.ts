import type { Activity } from '../domain/activity';
import { weekOfActivity, type ActivityRepository } from '../store/activity-repository';
import { ENTITY, INDEX } from '../store/keys';
import type { KvsPort } from '../store/kvs-port';
import type { RollupRepository } from '../store/rollup-repository';

export interface PurgeDeps {
  kvs: KvsPort;
  activities: ActivityRepository;
  rollups: RollupRepository;
}

/** Whose activities: one account (erasure of a closed account) or one teammate (removal). */
export type PurgeTarget = { accountId: string } | { teammateId: string };

export interface PurgeOptions {
  /** Time left in the invocation (ms), or undefined when unknown (then the purge runs to the end). */
  remainingMs?: () => number | undefined;
  /** Stop deleting when less than this is left, so the answer still gets out (default 5 s). */
  reserveMs?: number;
  /** Index rows read (and deleted) per step; default 100. */
  pageSize?: number;
}

export interface PurgeResult {
  activities: number;
  weeks: number;
  /** False when time ran out: some activities remain; running the purge again continues it. */
  done: boolean;
}

const PAGE = 100;
const DEFAULT_RESERVE_MS = 5_000;

function indexOf(target: PurgeTarget): { index: string; partition: string[] } {
  return 'accountId' in target
    ? { index: INDEX.activity.byAccount, partition: [target.accountId] }
    : { index: INDEX.activity.byTeammateTime, partition: [target.teammateId] };
}

/**
 * Deletes every stored activity of an account or a teammate and recounts the rollup weeks they
 * counted in. Deletes page by page while paging the index (the cursor is a position, so deleted
 * rows do not shift it), marking each page's weeks dirty before deleting, as the sync's writer
 * does: when the time runs out the marks stay and the next sync invocation (or the next purge)
 * recounts those weeks, and a purge run again simply finds what is left.
 */
export async function purgeActivities(deps: PurgeDeps, target: PurgeTarget, opts: PurgeOptions = {}): Promise<PurgeResult> {
  const { index, partition } = indexOf(target);
  const reserve = opts.reserveMs ?? DEFAULT_RESERVE_MS;
  const outOfTime = () => {
    const left = opts.remainingMs?.();
    return left !== undefined && left < reserve;
  };
  const weeks = new Set<string>();
  let deleted = 0;
  let done = false;
  let cursor: string | undefined;
  while (!outOfTime()) {
    const page = await deps.kvs.entityQuery<{ atSec?: unknown; doc?: Partial<Activity> }>(ENTITY.activity, {
      index,
      partition,
      range: { op: 'gte', value: 0 },
      limit: opts.pageSize ?? PAGE,
      cursor,
    });
    const pageWeeks = new Set<string>();
    for (const r of page.results) {
      pageWeeks.add(weekOfActivity({ at: r.value.doc?.at ?? new Date(Number(r.value.atSec) * 1000).toISOString() }));
    }
    if (page.results.length > 0) {
      await deps.rollups.markDirty(pageWeeks);
      for (const w of pageWeeks) weeks.add(w);
      // deleteMany sends batches of at most 25 keys (the KVS batch limit).
      await deps.activities.deleteMany(page.results.map((r) => r.key));
      deleted += page.results.length;
    }
    cursor = page.nextCursor;
    if (!cursor) {
      done = true;
      break;
    }
  }
  // Without the time to recount, the weeks stay marked dirty for the next invocation to recount.
  if (weeks.size > 0 && !outOfTime()) await deps.rollups.recountDirty(weeks);
  return { activities: deleted, weeks: weeks.size, done };
}
