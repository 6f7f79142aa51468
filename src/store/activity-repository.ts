import { activitySchema, containerKey, utcDay, type Activity } from '../domain/activity';
import { weekOf } from '../domain/rollup';
import { ENTITY, INDEX } from './keys';
import { KVS_BATCH_LIMIT, type KvsPort } from './kvs-port';

/** The stored shape: indexed attributes beside the full Activity. */
export interface StoredActivity {
  dataSourceId: string;
  source: string;
  kind: string;
  teammateId: string;
  accountId: string;
  atSec: number;
  day: string;
  containerKey: string;
  entityKey: string;
  doc: Activity;
}

export function toStored(a: Activity): StoredActivity {
  return {
    dataSourceId: a.dataSourceId,
    source: a.source,
    kind: a.kind,
    teammateId: a.teammateId,
    accountId: a.actorAccountId,
    atSec: Math.floor(Date.parse(a.at) / 1000),
    day: utcDay(a.at),
    containerKey: containerKey(a.dataSourceId, a.container),
    entityKey: a.entity.key,
    doc: a,
  };
}

export const weekOfActivity = (a: Pick<Activity, 'at'>) => weekOf(utcDay(a.at));

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const QUERY_LIMIT = 100;

/** Activities in the `activity` entity, keyed by their deterministic id (idempotent upserts). */
export function createActivityRepository(kvs: KvsPort) {
  function parseDoc(value: unknown): Activity | undefined {
    const doc = (value as Partial<StoredActivity> | undefined)?.doc;
    const parsed = activitySchema.safeParse(doc);
    return parsed.success ? parsed.data : undefined;
  }

  async function queryAll(index: string, partition: (string | number)[] | undefined, fromSec: number, toSec: number) {
    const out: Activity[] = [];
    let cursor: string | undefined;
    do {
      const page = await kvs.entityQuery<StoredActivity>(ENTITY.activity, {
        index,
        ...(partition ? { partition } : {}),
        range: { op: 'between', from: fromSec, to: toSec },
        limit: QUERY_LIMIT,
        cursor,
      });
      for (const r of page.results) {
        const a = parseDoc(r.value);
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
        const got = await kvs.batchGet<StoredActivity>(chunk.map((key) => ({ key, entity: ENTITY.activity })));
        for (const g of got) {
          const a = parseDoc(g.value);
          if (a) out.set(g.key, a);
        }
      }
      return out;
    },

    async upsertMany(activities: Activity[]): Promise<void> {
      for (const chunk of chunks(activities, KVS_BATCH_LIMIT)) {
        const res = await kvs.batchSet(chunk.map((a) => ({ key: a.id, entity: ENTITY.activity, value: toStored(a) })));
        // A partial failure is retried one by one, so a transient KVS error loses nothing.
        for (const f of res.failed) {
          const a = chunk.find((x) => x.id === f.key);
          if (a) await kvs.entitySet(ENTITY.activity, a.id, toStored(a));
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
      return queryAll(INDEX.activity.byEntity, [dataSourceId, entityKey], 0, 2 ** 31 - 1);
    },

    /** All activities with `at` in [fromSec, toSec], across data sources (rollup recounts). */
    listByTime(fromSec: number, toSec: number): Promise<Activity[]> {
      return queryAll(INDEX.activity.byTime, undefined, fromSec, toSec);
    },

    listBySource(dataSourceId: string, fromSec = 0, toSec = 2 ** 31 - 1): Promise<Activity[]> {
      return queryAll(INDEX.activity.bySourceTime, [dataSourceId], fromSec, toSec);
    },

    async hasAnyForSource(dataSourceId: string): Promise<boolean> {
      const page = await kvs.entityQuery(ENTITY.activity, {
        index: INDEX.activity.bySourceTime,
        partition: [dataSourceId],
        range: { op: 'gte', value: 0 },
        limit: 1,
      });
      return page.results.length > 0;
    },
  };
}

export type ActivityRepository = ReturnType<typeof createActivityRepository>;
