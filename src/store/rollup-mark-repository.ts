import { z } from 'zod';
import { KEY } from './keys';
import { KVS_BATCH_LIMIT, type KvsPort } from './kvs-port';
import { reportMalformed, type StoredDataError } from './stored-errors';
import { defineFormat, zodReader } from './stored-format';

export interface RollupMark {
  key: string;
  week: string;
  /** Epoch ms the mark was set; 0 when unreadable (then it counts as expired). */
  at: number;
}

/**
 * A mark as stored: when its writer set it. Format 1 is `{at}`; marks written before marks had
 * owners held a bare epoch-ms number, read as format 1 too.
 */
const markFormat = defineFormat<{ at: number }>({
  readers: { 1: zodReader(z.union([z.object({ at: z.number() }), z.number().transform((at) => ({ at }))]), (m) => m) },
  write: (m) => ({ at: m.at }),
});

/** An unreadable mark counts as expired: the week is recounted and the mark deleted. */
function parseMark(key: string, value: unknown): RollupMark {
  const week = key.slice(KEY.rollupDirtyPrefix.length, KEY.rollupDirtyPrefix.length + 10);
  try {
    return { key, week, at: markFormat.decode(value, `rollup mark ${key}`).at };
  } catch (e) {
    reportMalformed(e as StoredDataError, 'counted as expired');
    return { key, week, at: 0 };
  }
}

/**
 * The writers' marks on rollup weeks (`rollup-dirty:<week>:<owner>`): see rollup-repository.ts
 * and docs/architecture.md, "Rollup invariant".
 */
export function createRollupMarkRepository(kvs: KvsPort, now: () => number) {
  async function deleteKeys(keys: string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += KVS_BATCH_LIMIT) {
      const res = await kvs.batchDelete(keys.slice(i, i + KVS_BATCH_LIMIT).map((key) => ({ key })));
      for (const f of res.failed) await kvs.delete(f.key);
    }
  }

  return {
    keyOf: (week: string, owner: string) => KEY.rollupDirty(week, owner),

    async mark(weeks: Iterable<string>, owner: string): Promise<void> {
      const list = [...new Set(weeks)];
      const value = markFormat.encode({ at: now() });
      for (let i = 0; i < list.length; i += KVS_BATCH_LIMIT) {
        await kvs.batchSet(list.slice(i, i + KVS_BATCH_LIMIT).map((w) => ({ key: KEY.rollupDirty(w, owner), value })));
      }
    },

    async list(): Promise<RollupMark[]> {
      const out: RollupMark[] = [];
      let cursor: string | undefined;
      do {
        const page = await kvs.queryPrefix<unknown>(KEY.rollupDirtyPrefix, cursor, 20);
        for (const r of page.results) out.push(parseMark(r.key, r.value));
        cursor = page.nextCursor;
      } while (cursor);
      return out;
    },

    /** Deletes marks by key, in batches. */
    delete: deleteKeys,
  };
}
