import { kvs, Filter, FilterConditions, WhereConditions, ForgeKvsAPIError, Sort } from '@forge/kvs';
import {
  KvsConflictError,
  type KvsAttributeCondition,
  type KvsEntityQuery,
  type KvsItemRef,
  type KvsPage,
  type KvsPort,
  type KvsRangeCondition,
  type KvsSetOptions,
  type KvsTransaction,
} from '../store/kvs-port';

/** The KVS port over @forge/kvs: the only place that knows the SDK's builders. */
export function createForgeKvs(): KvsPort {
  return {
    get: <T>(key: string) => kvs.get<T>(key),
    async set(key, value, options?: KvsSetOptions) {
      const ttl = options?.ttlSeconds ? { value: options.ttlSeconds, unit: 'SECONDS' as const } : undefined;
      if (!options?.failIfExists) {
        await kvs.set(key, value, ttl ? { ttl } : undefined);
        return;
      }
      try {
        await kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS', ...(ttl ? { ttl } : {}) });
      } catch (e) {
        // The service's code for "key exists" is not documented: confirm by reading the key.
        if (e instanceof ForgeKvsAPIError && e.responseDetails.status !== 429 && (await kvs.get(key)) !== undefined) {
          throw new KvsConflictError(`key ${key} already exists`, { cause: e });
        }
        throw e;
      }
    },
    async swap<T>(key: string, value: unknown, options?: { ttlSeconds?: number }) {
      const ttl = options?.ttlSeconds ? { value: options.ttlSeconds, unit: 'SECONDS' as const } : undefined;
      const prev = await kvs.set<unknown, T>(key, value, {
        keyPolicy: 'OVERRIDE',
        returnValue: 'PREVIOUS',
        ...(ttl ? { ttl } : {}),
      });
      return prev?.value;
    },
    delete: (key) => kvs.delete(key),
    async queryPrefix<T>(prefix: string, cursor?: string, limit = 20): Promise<KvsPage<T>> {
      let q = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(limit);
      if (cursor) q = q.cursor(cursor);
      const page = await q.getMany<T>();
      return { results: page.results.map((r) => ({ key: r.key, value: r.value })), nextCursor: page.nextCursor };
    },
    getSecret: (key) => kvs.getSecret<string>(key),
    setSecret: (key, value) => kvs.setSecret(key, value),
    deleteSecret: (key) => kvs.deleteSecret(key),
    entityGet: <T>(entity: string, key: string) => kvs.entity<T>(entity).get(key),
    entitySet: (entity, key, value) => kvs.entity<unknown>(entity).set(key, value),
    entityDelete: (entity, key) => kvs.entity<unknown>(entity).delete(key),
    async entityQuery<T>(entity: string, query: KvsEntityQuery): Promise<KvsPage<T>> {
      let q = kvs
        .entity<T>(entity)
        .query()
        .index(query.index, query.partition ? { partition: query.partition } : undefined);
      if (query.range) q = q.where(rangeClause(query.range));
      if (query.sort) q = q.sort(query.sort === 'DESC' ? Sort.DESC : Sort.ASC);
      if (query.limit) q = q.limit(query.limit);
      if (query.cursor) q = q.cursor(query.cursor);
      const page = await q.getMany();
      return { results: page.results.map((r) => ({ key: r.key, value: r.value as T })), nextCursor: page.nextCursor };
    },
    async batchGet<T>(items: KvsItemRef[]) {
      if (items.length === 0) return [];
      const res = await kvs.batchGet<T>(items.map((i) => ({ key: i.key, entityName: i.entity })));
      return res.successfulKeys.map((s) => ({ key: s.key, value: s.value, entity: s.entityName }));
    },
    async batchSet(items) {
      if (items.length === 0) return { failed: [] };
      const res = await kvs.batchSet(items.map((i) => ({ key: i.key, value: i.value, entityName: i.entity })));
      return { failed: res.failedKeys.map((f) => ({ key: f.key, entity: f.entityName })) };
    },
    async batchDelete(items) {
      if (items.length === 0) return { failed: [] };
      const res = await kvs.batchDelete(items.map((i) => ({ key: i.key, entityName: i.entity })));
      return { failed: res.failedKeys.map((f) => ({ key: f.key, entity: f.entityName })) };
    },
    async transact(tx: KvsTransaction) {
      let t = kvs.transact();
      for (const s of tx.set ?? []) {
        t = t.set(s.key, s.value, entityConditions(s.entity, s.conditions));
      }
      for (const d of tx.delete ?? []) {
        t = t.delete(d.key, entityConditions(d.entity, d.conditions));
      }
      try {
        await t.execute();
      } catch (e) {
        if (e instanceof ForgeKvsAPIError && e.responseDetails.status !== 429 && e.responseDetails.status < 500) {
          throw new KvsConflictError(`transaction rejected: ${e.code}`, { cause: e });
        }
        throw e;
      }
    },
  };
}

function rangeClause(r: KvsRangeCondition) {
  switch (r.op) {
    case 'between':
      return WhereConditions.between(r.from, r.to);
    case 'gte':
      return WhereConditions.greaterThanEqualTo(r.value);
    case 'gt':
      return WhereConditions.greaterThan(r.value);
    case 'lte':
      return WhereConditions.lessThanEqualTo(r.value);
    case 'lt':
      return WhereConditions.lessThan(r.value);
    case 'eq':
      return WhereConditions.equalTo(r.value);
    case 'beginsWith':
      return WhereConditions.beginsWith(r.value);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function entityConditions(entity: string | undefined, conditions: KvsAttributeCondition[] | undefined): any {
  if (!entity) return undefined;
  const f = filterOf(conditions);
  return f ? { entityName: entity, conditions: f } : { entityName: entity };
}

function filterOf(conditions: KvsAttributeCondition[] | undefined) {
  if (!conditions || conditions.length === 0) return undefined;
  const [first, ...rest] = conditions;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let f = new Filter<any>().and(first.attribute, clause(first));
  for (const c of rest) f = f.and(c.attribute, clause(c));
  return f;
}

function clause(c: KvsAttributeCondition) {
  return c.op === 'notExists' ? FilterConditions.notExists() : FilterConditions.equalTo(c.value ?? '');
}

let shared: KvsPort | undefined;
/** One adapter per process; the SDK itself is a singleton. */
export function getKvs(): KvsPort {
  shared ??= createForgeKvs();
  return shared;
}
