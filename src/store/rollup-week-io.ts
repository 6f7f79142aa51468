import { z } from 'zod';
import { encodeRollupWeekParts, ROLLUP_MAX_PARTS, ROLLUP_PART_CHARS, rollupPartCount, type RollupWeek } from './rollup-week-format';
import { ENTITY, KEY } from './keys';
import { KVS_BATCH_LIMIT, type KvsAttributeCondition, type KvsItemRef, type KvsPort, type KvsTransaction } from './kvs-port';
import { StoredRollupError } from './stored-errors';
import { issuePaths } from './stored-format';

/**
 * Reading and writing rollup weeks as stored: a head (`rw:<week>`, the entity row with the
 * week's `rev` and its document) and, for a week too big for one KVS value, parts
 * (`rwp:<week>:<i>`) holding its packed rows. A head and its parts are written together in one
 * transaction, each part tagged with the head's rev, so a reader that finds parts of another
 * rev read the week while a writer replaced it, and reads it again.
 */

/** A stored week as read: decode `data` with its `parts` (decodeRollupWeek). */
export interface RawRollupWeek {
  key: string;
  rev: unknown;
  data: unknown;
  parts: string[];
}

const partSchema = z.object({
  week: z.string(),
  rev: z.number().int(),
  part: z.number().int().min(0).max(ROLLUP_MAX_PARTS - 1),
  rows: z.string().max(ROLLUP_PART_CHARS),
});

/** Times a week is read again when its parts are of another revision than its head. */
const REREADS = 3;

type Head = { week: string; key: string; rev?: unknown; data?: unknown };

async function batches<T>(kvs: KvsPort, refs: KvsItemRef[]): Promise<{ key: string; value: T }[]> {
  const chunks: KvsItemRef[][] = [];
  for (let i = 0; i < refs.length; i += KVS_BATCH_LIMIT) chunks.push(refs.slice(i, i + KVS_BATCH_LIMIT));
  // Issued together: a 90-day range is 14 heads, one batch; parts are rare.
  return (await Promise.all(chunks.map((c) => kvs.batchGet<T>(c)))).flat();
}

async function readHeads(kvs: KvsPort, weeks: string[]): Promise<Head[]> {
  const weekOfKey = new Map(weeks.map((w) => [KEY.rollupWeek(w), w]));
  const got = await batches<{ rev?: unknown; data?: unknown }>(kvs, [...weekOfKey.keys()].map((key) => ({ key, entity: ENTITY.rollupWeek })));
  return got.map((g) => ({ week: weekOfKey.get(g.key)!, key: g.key, rev: g.value?.rev, data: g.value?.data }));
}

/**
 * The parts of each head that has some: its rows in order, 'stale' when one is missing or of
 * another rev (a writer replaced the week while it was read), or the error of a malformed one.
 */
async function readParts(kvs: KvsPort, heads: Head[]): Promise<Map<string, string[] | 'stale' | StoredRollupError>> {
  const out = new Map<string, string[] | 'stale' | StoredRollupError>();
  const want = heads.map((h) => ({ head: h, week: h.week, count: rollupPartCount(h.data) })).filter((w) => w.count > 0);
  if (want.length === 0) return out;
  const refs = want.flatMap((w) => Array.from({ length: w.count }, (_, i) => ({ key: KEY.rollupWeekPart(w.week, i), entity: ENTITY.rollupWeekPart })));
  const got = new Map((await batches<unknown>(kvs, refs)).map((g) => [g.key, g.value]));
  for (const w of want) {
    const rows: string[] = [];
    let result: string[] | 'stale' | StoredRollupError = rows;
    for (let i = 0; i < w.count; i++) {
      const key = KEY.rollupWeekPart(w.week, i);
      const raw = got.get(key);
      if (raw === undefined) {
        result = 'stale';
        break;
      }
      const part = partSchema.safeParse(raw);
      if (!part.success) {
        result = new StoredRollupError(key, issuePaths(part.error));
        break;
      }
      if (part.data.rev !== w.head.rev) {
        result = 'stale';
        break;
      }
      if (part.data.week !== w.week || part.data.part !== i) {
        result = new StoredRollupError(key, part.data.week !== w.week ? 'week' : 'part');
        break;
      }
      rows.push(part.data.rows);
    }
    out.set(w.head.key, result);
  }
  return out;
}

/**
 * The stored weeks among `weeks` (missing ones are left out), each with its parts; a week whose
 * parts are malformed, or still of another rev after being read again REREADS times, is its
 * StoredRollupError instead.
 */
export async function readRawWeeks(kvs: KvsPort, weeks: string[]): Promise<(RawRollupWeek | StoredRollupError)[]> {
  const done = new Map<string, RawRollupWeek | StoredRollupError>();
  let pending = weeks;
  for (let attempt = 0; pending.length > 0; attempt++) {
    const heads = await readHeads(kvs, pending);
    const parts = await readParts(kvs, heads);
    const again: string[] = [];
    for (const h of heads) {
      const p = parts.get(h.key) ?? [];
      if (p === 'stale') {
        if (attempt < REREADS) again.push(h.week);
        else done.set(h.key, new StoredRollupError(h.key, 'parts (missing, or of another revision each time the week was read)'));
      } else {
        done.set(h.key, p instanceof StoredRollupError ? p : { key: h.key, rev: h.rev, data: h.data, parts: p });
      }
    }
    pending = again;
  }
  // In the order asked for.
  return weeks.flatMap((w) => {
    const r = done.get(KEY.rollupWeek(w));
    return r ? [r] : [];
  });
}

/**
 * The transaction that stores `doc` as revision `rev` of its week: the head (under
 * `conditions`), its parts, and the deletion of the parts a previous version had beyond them
 * (`previousParts`, read with the rev the conditions hold to). Throws when the week cannot fit
 * (see encodeRollupWeekParts): nothing is written.
 */
export function rollupWeekWrite(doc: RollupWeek, rev: number, previousParts: number, conditions: KvsAttributeCondition[]): KvsTransaction {
  const body = encodeRollupWeekParts(doc);
  const week = doc.week;
  const stale = Array.from({ length: Math.max(0, previousParts - body.parts.length) }, (_, i) => body.parts.length + i);
  return {
    set: [
      { key: KEY.rollupWeek(week), entity: ENTITY.rollupWeek, value: { week, rev, data: body.data }, conditions },
      ...body.parts.map((rows, part) => ({ key: KEY.rollupWeekPart(week, part), entity: ENTITY.rollupWeekPart, value: { week, rev, part, rows } })),
    ],
    ...(stale.length > 0 ? { delete: stale.map((part) => ({ key: KEY.rollupWeekPart(week, part), entity: ENTITY.rollupWeekPart })) } : {}),
  };
}
