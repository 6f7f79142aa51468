import { buildRollupWeek, rollupWeekSchema, type RollupWeek } from '../domain/rollup';
import type { Activity } from '../domain/activity';
import type { ActivityRepository } from './activity-repository';
import { applyRollupDelta } from './rollup-delta';
import { ENTITY, KEY } from './keys';
import { KvsConflictError, KVS_BATCH_LIMIT, type KvsPort } from './kvs-port';

interface StoredRollup {
  week: string;
  rev: number;
  data: RollupWeek;
}

const DAY_MS = 86_400_000;
/** Weeks recounted side by side (each reads its seven days side by side too). */
const RECOUNT_PARALLEL = 3;

/**
 * Rollup weeks stay exact two ways, both guarded by a condition on `rev`: a recount rebuilds a
 * week from the activity index (bulk writes, crash leftovers); a small change applies its delta
 * to the document read before the activities were written, and falls back to a recount when
 * anyone wrote the week in between. Writers mark weeks dirty before writing, so a crash between
 * the activity write and the rollup leaves a mark the next invocation recounts.
 */
export function createRollupRepository(kvs: KvsPort, activities: ActivityRepository, now: () => number = Date.now) {
  async function get(week: string): Promise<StoredRollup | undefined> {
    const raw = await kvs.entityGet<StoredRollup>(ENTITY.rollupWeek, KEY.rollupWeek(week));
    if (!raw) return undefined;
    const parsed = rollupWeekSchema.safeParse(raw.data);
    return parsed.success ? { week: raw.week, rev: raw.rev, data: parsed.data } : { week, rev: raw.rev ?? 0, data: buildRollupWeek(week, []) };
  }

  async function recountWeek(week: string): Promise<RollupWeek> {
    for (let attempt = 0; ; attempt++) {
      const current = await get(week);
      const start = Date.parse(`${week}T00:00:00.000Z`) / 1000;
      // Seven day ranges read side by side: a busy week is tens of index pages.
      const days = await Promise.all(
        Array.from({ length: 7 }, (_, d) => activities.listByTime(start + (d * DAY_MS) / 1000, start + ((d + 1) * DAY_MS) / 1000 - 1)),
      );
      const list = days.flat();
      const data = buildRollupWeek(week, list);
      const value: StoredRollup = { week, rev: (current?.rev ?? 0) + 1, data };
      try {
        // Conditional even for a week with no document yet: two recounts racing to create it
        // must not let the staler one overwrite the fresher one (its writer may already have
        // cleared the week's dirty mark, and nothing would recount it again).
        await kvs.transact({
          set: [
            {
              key: KEY.rollupWeek(week),
              entity: ENTITY.rollupWeek,
              value,
              conditions: [current ? { attribute: 'rev', op: 'eq', value: current.rev } : { attribute: 'rev', op: 'notExists' }],
            },
          ],
        });
        return data;
      } catch (e) {
        // Someone recounted the same week meanwhile; their count is at least as fresh as ours.
        if (e instanceof KvsConflictError && attempt < 3) continue;
        throw e;
      }
    }
  }

  return {
    get,

    /** Marks weeks dirty; returns the mark's value, so a writer can later clear only its own. */
    async markDirty(weeks: Iterable<string>): Promise<number> {
      // A random fraction of a millisecond keeps two writers marking in the same millisecond
      // apart: otherwise one could clear the other's mark while that one's rollup update is
      // still pending (and lost if its invocation is then cut off).
      const at = now() + Math.random() * 0.999;
      const list = [...new Set(weeks)];
      for (let i = 0; i < list.length; i += KVS_BATCH_LIMIT) {
        await kvs.batchSet(list.slice(i, i + KVS_BATCH_LIMIT).map((w) => ({ key: KEY.rollupDirty(w), value: at })));
      }
      return at;
    },

    /** Clears a week's mark if it is still the one this writer set. */
    async unmarkIfMine(week: string, mark: number): Promise<void> {
      const latest = await kvs.get<number>(KEY.rollupDirty(week));
      if (latest !== undefined && Number(latest) === mark) await kvs.delete(KEY.rollupDirty(week));
    },

    /** The stored documents (with their rev) of some weeks, read in batches. */
    async readWeeks(weeks: Iterable<string>): Promise<Map<string, StoredRollup>> {
      const out = new Map<string, StoredRollup>();
      const list = [...new Set(weeks)];
      for (let i = 0; i < list.length; i += KVS_BATCH_LIMIT) {
        const got = await kvs.batchGet<StoredRollup>(list.slice(i, i + KVS_BATCH_LIMIT).map((w) => ({ key: KEY.rollupWeek(w), entity: ENTITY.rollupWeek })));
        for (const g of got) {
          const parsed = rollupWeekSchema.safeParse(g.value?.data);
          if (parsed.success && typeof g.value.rev === 'number') out.set(parsed.data.week, { week: parsed.data.week, rev: g.value.rev, data: parsed.data });
        }
      }
      return out;
    },

    /**
     * Read-modify-write of one week: the document read before the activities were written, with
     * the change applied, stored only if its rev is still the one read. False when that fails
     * (someone else wrote the week meanwhile, or there was no document): recount instead.
     */
    async applyDelta(week: string, base: StoredRollup | undefined, removed: Activity[], added: Activity[]): Promise<boolean> {
      if (!base) return false;
      const data = applyRollupDelta(base.data, removed, added);
      if (!data) return false;
      try {
        await kvs.transact({
          set: [{ key: KEY.rollupWeek(week), entity: ENTITY.rollupWeek, value: { week, rev: base.rev + 1, data }, conditions: [{ attribute: 'rev', op: 'eq', value: base.rev }] }],
        });
        return true;
      } catch (e) {
        if (e instanceof KvsConflictError) return false;
        throw e;
      }
    },

    async listDirty(): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      let cursor: string | undefined;
      do {
        const page = await kvs.queryPrefix<number>(KEY.rollupDirtyPrefix, cursor, 20);
        for (const r of page.results) out.set(r.key.slice(KEY.rollupDirtyPrefix.length), Number(r.value));
        cursor = page.nextCursor;
      } while (cursor);
      return out;
    },

    recountWeek,

    /** Recounts the given weeks plus every week still marked dirty; clears marks made before. */
    async recountDirty(extra: Iterable<string> = []): Promise<string[]> {
      const startedAt = now();
      const dirty = await this.listDirty();
      const weeks = new Set([...extra, ...dirty.keys()]);
      const list = [...weeks].sort();
      const recountOne = async (week: string) => {
        await recountWeek(week);
        const mark = dirty.get(week);
        if (mark !== undefined && mark < startedAt) {
          const latest = await kvs.get<number>(KEY.rollupDirty(week));
          if (latest === undefined || Number(latest) < startedAt) await kvs.delete(KEY.rollupDirty(week));
        }
      };
      for (let i = 0; i < list.length; i += RECOUNT_PARALLEL) await Promise.all(list.slice(i, i + RECOUNT_PARALLEL).map(recountOne));
      return [...weeks].sort();
    },
  };
}

export type RollupRepository = ReturnType<typeof createRollupRepository>;
