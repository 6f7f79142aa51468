import { z } from 'zod';
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

/** A mark as stored: when its writer set it. */
const storedMarkSchema = z.object({ at: z.number() });
type StoredMark = z.infer<typeof storedMarkSchema>;

export interface RollupMark {
  key: string;
  week: string;
  /** Epoch ms the mark was set; 0 when unreadable (then it counts as expired). */
  at: number;
}

/**
 * How long a mark may belong to a writer still at work: Forge stops every function within
 * 900 s (the longest `timeoutSeconds`,
 * https://developer.atlassian.com/platform/forge/limits-invocation/), plus a minute for clock
 * differences between invocations. A mark older than this belongs to a writer that is gone and
 * whose writes have all landed, so a recount that reads after this moment sees them.
 */
export const MARK_EXPIRY_MS = 16 * 60_000;

/** Marks written before marks had owners held a bare epoch-ms number; both are read. */
function parseMark(key: string, value: unknown): RollupMark {
  const week = key.slice(KEY.rollupDirtyPrefix.length, KEY.rollupDirtyPrefix.length + 10);
  const parsed = storedMarkSchema.safeParse(value);
  const at = parsed.success ? parsed.data.at : typeof value === 'number' ? value : 0;
  return { key, week, at };
}

const DAY_MS = 86_400_000;
/** Weeks recounted side by side (each reads its seven days side by side too). */
const RECOUNT_PARALLEL = 3;

/**
 * Rollup weeks stay exact two ways, both guarded by a condition on `rev`: a recount rebuilds a
 * week from the activity index (bulk writes, crash leftovers); a small change applies its delta
 * to the document read before the activities were written, and falls back to a recount when
 * anyone wrote the week in between.
 *
 * Marks make that safe against invocations cut off half-way, without trusting clock order
 * between invocations: a writer sets a mark of its own on each week before writing activities,
 * and only that writer deletes it, after a rollup update that read its writes is stored. A mark
 * its writer left behind (cut off) is recounted and deleted by anyone once it is older than any
 * invocation can live. See docs/architecture.md, "Rollup invariant".
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

  async function listMarks(): Promise<RollupMark[]> {
    const out: RollupMark[] = [];
    let cursor: string | undefined;
    do {
      const page = await kvs.queryPrefix<unknown>(KEY.rollupDirtyPrefix, cursor, 20);
      for (const r of page.results) out.push(parseMark(r.key, r.value));
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }

  async function deleteKeys(keys: string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += KVS_BATCH_LIMIT) {
      const res = await kvs.batchDelete(keys.slice(i, i + KVS_BATCH_LIMIT).map((key) => ({ key })));
      for (const f of res.failed) await kvs.delete(f.key);
    }
  }

  return {
    get,

    /** Marks weeks as being changed by `owner`; call before writing their activities. */
    async mark(weeks: Iterable<string>, owner: string): Promise<void> {
      const list = [...new Set(weeks)];
      const value: StoredMark = { at: now() };
      for (let i = 0; i < list.length; i += KVS_BATCH_LIMIT) {
        await kvs.batchSet(list.slice(i, i + KVS_BATCH_LIMIT).map((w) => ({ key: KEY.rollupDirty(w, owner), value })));
      }
    },

    /** Deletes `owner`'s marks on weeks: only once a rollup update that read its writes is stored. */
    unmark(weeks: Iterable<string>, owner: string): Promise<void> {
      return deleteKeys([...new Set(weeks)].map((w) => KEY.rollupDirty(w, owner)));
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

    listMarks,
    recountWeek,

    /**
     * Recounts `weeks` (the caller's own), then deletes `owner`'s marks on them; also recounts
     * every week holding a mark older than any invocation can live, and deletes those marks.
     * Marks of writers that may still be at work are left to them.
     */
    async recountDirty(weeks: Iterable<string> = [], owner?: string): Promise<string[]> {
      // The marks are read before any activity: an expired mark's writes have all landed by now.
      const expired = (await listMarks()).filter((m) => m.at <= now() - MARK_EXPIRY_MS);
      const own = [...new Set(weeks)];
      const list = [...new Set([...own, ...expired.map((m) => m.week)])].sort();
      for (let i = 0; i < list.length; i += RECOUNT_PARALLEL) await Promise.all(list.slice(i, i + RECOUNT_PARALLEL).map(recountWeek));
      await deleteKeys([...(owner ? own.map((w) => KEY.rollupDirty(w, owner)) : []), ...expired.map((m) => m.key)]);
      return list;
    },
  };
}

export type RollupRepository = ReturnType<typeof createRollupRepository>;
