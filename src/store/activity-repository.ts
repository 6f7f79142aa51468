import type { Activity } from '../domain/activity';
import { utcDay } from '../domain/activity';
import { weekOf } from '../domain/rollup';
import { decodeActivity, encodeActivity, storedActivityAt } from './activity-format';
import { ENTITY, INDEX } from './keys';
import { KVS_BATCH_LIMIT, type KvsPort } from './kvs-port';
import { reportMalformed, StoredDataError } from './stored-errors';

export const weekOfActivity = (a: Pick<Activity, 'at'>) => weekOf(utcDay(a.at));

/** Which index a scan walks; only this module knows the index names. */
export type ActivityIndex =
  | { by: 'time' }
  | { by: 'teammate'; teammateId: string }
  | { by: 'source'; dataSourceId: string }
  | { by: 'account'; accountId: string };

export interface ActivityScan {
  index: ActivityIndex;
  /** Closed range of `at`, epoch seconds. */
  fromSec: number;
  toSec: number;
  sort?: 'ASC' | 'DESC';
}

const MAX_SEC = 2 ** 31 - 1;
const QUERY_LIMIT = 100;

function indexQuery(ix: ActivityIndex): { index: string; partition?: string[] } {
  switch (ix.by) {
    case 'time':
      return { index: INDEX.activity.byTime };
    case 'teammate':
      return { index: INDEX.activity.byTeammateTime, partition: [ix.teammateId] };
    case 'source':
      return { index: INDEX.activity.bySourceTime, partition: [ix.dataSourceId] };
    case 'account':
      return { index: INDEX.activity.byAccount, partition: [ix.accountId] };
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows are read in bulk: a malformed one is left out of the answer and reported, never guessed at. */
function decodeOrSkip(value: unknown, key: string): Activity | null {
  try {
    return decodeActivity(value, key);
  } catch (e) {
    if (!(e instanceof StoredDataError)) throw e;
    reportMalformed(e, 'left out');
    return null;
  }
}

/** A row as a purge sees it: its id, time and, from the index attributes, whose it is. */
export interface PurgeRow {
  id: string;
  at: string;
  teammateId?: string;
  dataSourceId?: string;
}

function storedOwner(value: unknown): Pick<PurgeRow, 'teammateId' | 'dataSourceId'> {
  const v = (value ?? {}) as { teammateId?: unknown; dataSourceId?: unknown };
  return {
    ...(typeof v.teammateId === 'string' ? { teammateId: v.teammateId } : {}),
    ...(typeof v.dataSourceId === 'string' ? { dataSourceId: v.dataSourceId } : {}),
  };
}

/** Activities in the `activity` entity, keyed by their deterministic id (idempotent upserts). */
export function createActivityRepository(kvs: KvsPort) {
  async function queryAll(query: { index: string; partition?: (string | number)[] }, fromSec: number, toSec: number) {
    const out: Activity[] = [];
    let cursor: string | undefined;
    do {
      const page = await kvs.entityQuery<unknown>(ENTITY.activity, { ...query, range: { op: 'between', from: fromSec, to: toSec }, limit: QUERY_LIMIT, cursor });
      for (const r of page.results) {
        const a = decodeOrSkip(r.value, r.key);
        if (a) out.push(a);
      }
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }

  return {
    async getMany(ids: string[]): Promise<Map<string, Activity>> {
      const out = new Map<string, Activity>();
      for (const chunk of chunks([...new Set(ids)], KVS_BATCH_LIMIT)) {
        const got = await kvs.batchGet<unknown>(chunk.map((key) => ({ key, entity: ENTITY.activity })));
        for (const g of got) {
          const a = decodeOrSkip(g.value, g.key);
          if (a) out.set(g.key, a);
        }
      }
      return out;
    },

    async upsertMany(activities: Activity[]): Promise<void> {
      for (const chunk of chunks(activities, KVS_BATCH_LIMIT)) {
        const res = await kvs.batchSet(chunk.map((a) => ({ key: a.id, entity: ENTITY.activity, value: encodeActivity(a) })));
        // A partial failure is retried one by one, so a transient KVS error loses nothing.
        for (const f of res.failed) {
          const a = chunk.find((x) => x.id === f.key);
          if (a) await kvs.entitySet(ENTITY.activity, a.id, encodeActivity(a));
        }
      }
    },

    async deleteMany(ids: string[]): Promise<void> {
      for (const chunk of chunks([...new Set(ids)], KVS_BATCH_LIMIT)) {
        const res = await kvs.batchDelete(chunk.map((key) => ({ key, entity: ENTITY.activity })));
        for (const f of res.failed) await kvs.entityDelete(ENTITY.activity, f.key);
      }
    },

    /** Everything stored about one issue or page (its key), of one data source. */
    listByEntity(dataSourceId: string, entityKey: string): Promise<Activity[]> {
      return queryAll({ index: INDEX.activity.byEntity, partition: [dataSourceId, entityKey] }, 0, MAX_SEC);
    },

    /** All activities with `at` in [fromSec, toSec], across data sources (rollup recounts). */
    listByTime(fromSec: number, toSec: number): Promise<Activity[]> {
      return queryAll(indexQuery({ by: 'time' }), fromSec, toSec);
    },

    listBySource(dataSourceId: string, fromSec = 0, toSec = MAX_SEC): Promise<Activity[]> {
      return queryAll(indexQuery({ by: 'source', dataSourceId }), fromSec, toSec);
    },

    /**
     * The source's activities from second `fromSec` on, oldest first: at least `minRows` rows
     * (unless fewer are left), always whole seconds. `nextFromSec` (absent at the end) is where
     * the next slice starts, so a caller resumes from that one number, skipping and repeating
     * nothing. Malformed rows count as read and are left out.
     */
    async sliceBySource(dataSourceId: string, fromSec: number, minRows: number): Promise<{ activities: Activity[]; nextFromSec?: number }> {
      const out: Activity[] = [];
      let rows = 0;
      let lastSec = -1;
      let cursor: string | undefined;
      do {
        const page = await kvs.entityQuery<{ atSec?: unknown }>(ENTITY.activity, {
          ...indexQuery({ by: 'source', dataSourceId }),
          range: { op: 'between', from: fromSec, to: MAX_SEC },
          sort: 'ASC',
          limit: QUERY_LIMIT,
          cursor,
        });
        for (const r of page.results) {
          const sec = Number(r.value.atSec);
          if (rows >= minRows && sec !== lastSec) return { activities: out, nextFromSec: sec };
          rows++;
          lastSec = sec;
          const a = decodeOrSkip(r.value, r.key);
          if (a) out.push(a);
        }
        cursor = page.nextCursor;
      } while (cursor);
      return { activities: out };
    },

    async hasAnyForSource(dataSourceId: string): Promise<boolean> {
      const page = await kvs.entityQuery(ENTITY.activity, { ...indexQuery({ by: 'source', dataSourceId }), range: { op: 'gte', value: 0 }, limit: 1 });
      return page.results.length > 0;
    },

    /**
     * One page of a scan, in index order. A malformed row keeps its place as null, so a caller
     * that resumes inside a page counts positions right.
     */
    async scanPage(scan: ActivityScan, page: { cursor?: string; limit: number }): Promise<{ activities: (Activity | null)[]; nextCursor?: string }> {
      const res = await kvs.entityQuery<unknown>(ENTITY.activity, {
        ...indexQuery(scan.index),
        range: { op: 'between', from: scan.fromSec, to: scan.toSec },
        ...(scan.sort ? { sort: scan.sort } : {}),
        limit: page.limit,
        ...(page.cursor ? { cursor: page.cursor } : {}),
      });
      return { activities: res.results.map((r) => decodeOrSkip(r.value, r.key)), ...(res.nextCursor ? { nextCursor: res.nextCursor } : {}) };
    },

    /**
     * One page of the ids (and times) of the rows in an index partition, malformed rows
     * included: what a purge deletes. The cursor is a position, so deleting the rows of a page
     * does not shift the next one.
     */
    async pageIds(index: ActivityIndex, page: { cursor?: string; limit: number }): Promise<{ rows: PurgeRow[]; nextCursor?: string }> {
      const res = await kvs.entityQuery<unknown>(ENTITY.activity, { ...indexQuery(index), range: { op: 'gte', value: 0 }, limit: page.limit, cursor: page.cursor });
      return { rows: res.results.map((r) => ({ id: r.key, at: storedActivityAt(r.value), ...storedOwner(r.value) })), ...(res.nextCursor ? { nextCursor: res.nextCursor } : {}) };
    },

    /**
     * The actor account and time of every stored row, through the time index a page at a time,
     * from the index attributes only (no document is decoded): the personal data report.
     */
    async *actorAccounts(): AsyncGenerator<{ accountId: string; atMs: number }> {
      let cursor: string | undefined;
      do {
        const page = await kvs.entityQuery<{ accountId?: unknown; atSec?: unknown }>(ENTITY.activity, {
          index: INDEX.activity.byTime,
          range: { op: 'between', from: 0, to: MAX_SEC },
          limit: QUERY_LIMIT,
          cursor,
        });
        for (const r of page.results) {
          if (typeof r.value.accountId === 'string') yield { accountId: r.value.accountId, atMs: Number(r.value.atSec) * 1000 || 0 };
        }
        cursor = page.nextCursor;
      } while (cursor);
    },
  };
}

export type ActivityRepository = ReturnType<typeof createActivityRepository>;
