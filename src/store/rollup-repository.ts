import type { Activity } from '../domain/activity';
import { weeksBetween } from '../domain/rollup';
import type { ActivityRepository } from './activity-repository';
import { applyRollupDelta, buildRollupWeek } from './rollup-counts';
import { createRollupMarkRepository } from './rollup-mark-repository';
import { decodeRollupWeek, rollupPartCount, type RollupWeek } from './rollup-week-format';
import { readRawWeeks, rollupWeekWrite } from './rollup-week-io';
import { ENTITY, INDEX, KEY } from './keys';
import { KvsConflictError, type KvsPort } from './kvs-port';
import { reportMalformed, StoredRollupError } from './stored-errors';
import { DAY_MS } from '../domain/time-window';

export type { RollupMark } from './rollup-mark-repository';

/**
 * A `rollup-week` entity row: the week's document (versioned, in `data`, with its rows in
 * `parts` more values when it is too big for one: rollup-week-io.ts) and its revision.
 */
interface StoredRollup {
  week: string;
  rev: number;
  /** How many parts the stored version has (a write that needs fewer deletes the rest). */
  parts: number;
  data: RollupWeek;
}

/**
 * How long a mark may belong to a writer still at work: Forge stops every function within
 * 900 s (the longest `timeoutSeconds`,
 * https://developer.atlassian.com/platform/forge/limits-invocation/), plus a minute for clock
 * differences between invocations. A mark older than this belongs to a writer that is gone and
 * whose writes have all landed, so a recount that reads after this moment sees them.
 */
export const MARK_EXPIRY_MS = 16 * 60_000;

/** Weeks recounted side by side (each reads its seven days side by side too). */
const RECOUNT_PARALLEL = 3;

/**
 * The dashboard's reads of rollup weeks. A malformed week raises StoredRollupError: a resolver
 * cannot recount, and a wrong total must not show.
 */
export function createRollupReader(kvs: KvsPort) {
  return {
    /**
     * The weeks of a day range, in as few batch reads as the KVS allows (25 keys each, issued
     * together). Missing weeks simply have no activity.
     */
    async readRange(fromDay: string, toDay: string): Promise<RollupWeek[]> {
      return (await readRawWeeks(kvs, weeksBetween(fromDay, toDay))).map((r) => {
        if (r instanceof StoredRollupError) throw r;
        return decodeRollupWeek(r.data, r.key, r.parts);
      });
    },

    /** Whether any week was ever stored (tells "no sync yet" from "nothing in this range"). */
    async hasAny(): Promise<boolean> {
      const page = await kvs.entityQuery(ENTITY.rollupWeek, { index: INDEX.rollupWeek.byWeek, limit: 1 });
      return page.results.length > 0;
    },
  };
}

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
  const marks = createRollupMarkRepository(kvs, now);

  /**
   * The stored revision and part count only: a recount replaces the document whatever it holds
   * (a head too malformed to say its parts counts none, and leaves them to the next write).
   */
  async function storedRev(week: string): Promise<{ rev: number; parts: number } | undefined> {
    const raw = await kvs.entityGet<{ rev?: number; data?: unknown }>(ENTITY.rollupWeek, KEY.rollupWeek(week));
    return raw ? { rev: raw.rev ?? 0, parts: rollupPartCount(raw.data) } : undefined;
  }

  async function recountWeek(week: string): Promise<RollupWeek> {
    for (let attempt = 0; ; attempt++) {
      const current = await storedRev(week);
      const start = Date.parse(`${week}T00:00:00.000Z`) / 1000;
      // Seven day ranges read side by side: a busy week is tens of index pages.
      const days = await Promise.all(
        Array.from({ length: 7 }, (_, d) => activities.listByTime(start + (d * DAY_MS) / 1000, start + ((d + 1) * DAY_MS) / 1000 - 1)),
      );
      const list = days.flat();
      const data = buildRollupWeek(week, list);
      try {
        // Conditional even for a week with no document yet: two recounts racing to create it
        // must not let the staler one overwrite the fresher one (its writer may already have
        // cleared the week's dirty mark, and nothing would recount it again).
        await kvs.transact(
          rollupWeekWrite(data, (current?.rev ?? 0) + 1, current?.parts ?? 0, [current ? { attribute: 'rev', op: 'eq', value: current.rev } : { attribute: 'rev', op: 'notExists' }]),
        );
        return data;
      } catch (e) {
        // Someone recounted the same week meanwhile; their count is at least as fresh as ours.
        if (e instanceof KvsConflictError && attempt < 3) continue;
        throw e;
      }
    }
  }

  return {
    /** Marks weeks as being changed by `owner`; call before writing their activities. */
    mark: marks.mark,

    /** Deletes `owner`'s marks on weeks: only once a rollup update that read its writes is stored. */
    unmark(weeks: Iterable<string>, owner: string): Promise<void> {
      return marks.delete([...new Set(weeks)].map((w) => marks.keyOf(w, owner)));
    },

    /**
     * The stored documents (with their rev) of some weeks, read in batches, as bases for deltas.
     * A malformed one is left out (and reported): its week is then recounted instead.
     */
    async readWeeks(weeks: Iterable<string>): Promise<Map<string, StoredRollup>> {
      const out = new Map<string, StoredRollup>();
      for (const g of await readRawWeeks(kvs, [...new Set(weeks)])) {
        try {
          if (g instanceof StoredRollupError) throw g;
          const data = decodeRollupWeek(g.data, g.key, g.parts);
          if (typeof g.rev !== 'number') throw new StoredRollupError(g.key, 'rev');
          out.set(data.week, { week: data.week, rev: g.rev, parts: g.parts.length, data });
        } catch (e) {
          if (!(e instanceof StoredRollupError)) throw e;
          reportMalformed(e, 'the week is recounted instead of updated');
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
        await kvs.transact(rollupWeekWrite(data, base.rev + 1, base.parts, [{ attribute: 'rev', op: 'eq', value: base.rev }]));
        return true;
      } catch (e) {
        if (e instanceof KvsConflictError) return false;
        throw e;
      }
    },

    listMarks: marks.list,
    recountWeek,

    /**
     * Recounts `weeks` (the caller's own), then deletes `owner`'s marks on them; also recounts
     * every week holding a mark older than any invocation can live, and deletes those marks.
     * Marks of writers that may still be at work are left to them.
     */
    async recountDirty(weeks: Iterable<string> = [], owner?: string): Promise<string[]> {
      // The marks are read before any activity: an expired mark's writes have all landed by now.
      const expired = (await marks.list()).filter((m) => m.at <= now() - MARK_EXPIRY_MS);
      const own = [...new Set(weeks)];
      const list = [...new Set([...own, ...expired.map((m) => m.week)])].sort();
      for (let i = 0; i < list.length; i += RECOUNT_PARALLEL) await Promise.all(list.slice(i, i + RECOUNT_PARALLEL).map(recountWeek));
      await marks.delete([...(owner ? own.map((w) => marks.keyOf(w, owner)) : []), ...expired.map((m) => m.key)]);
      return list;
    },
  };
}

export type RollupRepository = ReturnType<typeof createRollupRepository>;
