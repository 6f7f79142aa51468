import { join } from 'node:path';
import { KvsError } from '../../local/kvs/errors';
import { KvsOperations, type OpResult } from '../../local/kvs/operations';
import { KvsStore } from '../../local/kvs/store';
import { loadManifest } from '../../local/runtime/manifest';
import { KvsConflictError, type KvsAttributeCondition, type KvsPort, type KvsRangeCondition } from '../../src/store/kvs-port';

type Obj = Record<string, unknown>;

/**
 * The KVS emulator's operations called in process, with the wire bodies @forge/kvs would send
 * (see src/platform/forge-kvs.ts), so repository code meets the emulator's semantics without the
 * cost of a fetch per operation: the interleaving model runs tens of thousands of schedules.
 * Values are copied in and out, as they would be over the wire.
 */
let entities: ReturnType<typeof loadManifest>['entities'] | undefined;

export function createDirectKvs(): { port: KvsPort; store: KvsStore } {
  const store = new KvsStore();
  entities ??= loadManifest(join(__dirname, '..', '..')).entities;
  const defs = entities;
  const ops = new KvsOperations(store, () => defs);
  const copy = <T>(v: T): T => (v === undefined ? v : structuredClone(v));
  const call = (fn: () => OpResult): Obj | undefined => {
    try {
      return fn().body as Obj | undefined;
    } catch (e) {
      if (e instanceof KvsError && e.code === 'KEY_NOT_FOUND') return undefined;
      throw e;
    }
  };
  const plain = { kind: 'plain' as const };
  const ent = (name: string) => ops.entityNs(name);

  const port: KvsPort = {
    async get<T>(key: string) {
      return copy(call(() => ops.get(plain, { key }))?.value as T | undefined);
    },
    async set(key, value, options) {
      try {
        ops.set(plain, {
          key,
          value: copy(value),
          options: {
            ...(options?.ttlSeconds ? { ttl: { value: options.ttlSeconds, unit: 'SECONDS' } } : {}),
            ...(options?.failIfExists ? { keyPolicy: 'FAIL_IF_EXISTS' } : {}),
          },
        });
      } catch (e) {
        if (e instanceof KvsError && e.code === 'KEY_CONFLICT') throw new KvsConflictError(`key ${key} already exists`, { cause: e });
        throw e;
      }
    },
    async swap<T>(key: string, value: unknown) {
      const out = ops.set(plain, { key, value: copy(value), options: { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' } }).body as Obj | undefined;
      return copy(out?.value as T | undefined);
    },
    async delete(key) {
      call(() => ops.delete(plain, { key }));
    },
    async queryPrefix<T>(prefix: string, cursor?: string, limit = 20) {
      const body = ops.query({ limit, ...(cursor ? { after: cursor } : {}), where: [{ property: 'key', condition: 'BEGINS_WITH', values: [prefix] }] }).body as Obj;
      const data = body.data as { key: string; value: T }[];
      return { results: data.map((d) => ({ key: d.key, value: copy(d.value) })), nextCursor: body.cursor as string | undefined };
    },
    async getSecret(key) {
      return call(() => ops.get({ kind: 'secret' }, { key }))?.value as string | undefined;
    },
    async setSecret(key, value) {
      ops.set({ kind: 'secret' }, { key, value });
    },
    async deleteSecret(key) {
      call(() => ops.delete({ kind: 'secret' }, { key }));
    },
    async entityGet<T>(entity: string, key: string) {
      return copy(call(() => ops.get(ent(entity), { entityName: entity, key }))?.value as T | undefined);
    },
    async entitySet(entity, key, value) {
      ops.set(ent(entity), { entityName: entity, key, value: copy(value) });
    },
    async entityDelete(entity, key) {
      call(() => ops.delete(ent(entity), { entityName: entity, key }));
    },
    async entityQuery<T>(entity: string, q: Parameters<KvsPort['entityQuery']>[1]) {
      const body = ops.entityQuery({
        entityName: entity,
        indexName: q.index,
        ...(q.partition ? { partition: q.partition } : {}),
        ...(q.range ? { range: rangeOf(q.range) } : {}),
        ...(q.sort ? { sort: q.sort } : {}),
        ...(q.limit ? { limit: q.limit } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
      }).body as Obj;
      const data = body.data as { key: string; value: T }[];
      return { results: data.map((d) => ({ key: d.key, value: copy(d.value) })), nextCursor: body.cursor as string | undefined };
    },
    async batchGet<T>(items: Parameters<KvsPort['batchGet']>[0]) {
      if (items.length === 0) return [];
      const body = ops.batchGet(items.map((i) => ({ key: i.key, ...(i.entity ? { entityName: i.entity } : {}) }))).body as Obj;
      return (body.successfulKeys as { key: string; value: T; entityName?: string }[]).map((s) => ({ key: s.key, value: copy(s.value), entity: s.entityName }));
    },
    async batchSet(items) {
      if (items.length === 0) return { failed: [] };
      const body = ops.batchSet(items.map((i) => ({ key: i.key, value: copy(i.value), ...(i.entity ? { entityName: i.entity } : {}) }))).body as Obj;
      return { failed: (body.failedKeys as { key: string; entityName?: string }[]).map((f) => ({ key: f.key, entity: f.entityName })) };
    },
    async batchDelete(items) {
      if (items.length === 0) return { failed: [] };
      const body = ops.batchDelete(items.map((i) => ({ key: i.key, ...(i.entity ? { entityName: i.entity } : {}) }))).body as Obj;
      return { failed: (body.failedKeys as { key: string; entityName?: string }[]).map((f) => ({ key: f.key, entity: f.entityName })) };
    },
    async transact(tx) {
      const item = (x: { key: string; entity?: string; conditions?: KvsAttributeCondition[] }) => ({
        key: x.key,
        ...(x.entity ? { entityName: x.entity } : {}),
        ...(x.conditions?.length ? { conditions: { and: x.conditions.map(conditionOf) } } : {}),
      });
      try {
        ops.transaction({
          ...(tx.set?.length ? { set: tx.set.map((s) => ({ ...item(s), value: copy(s.value) })) } : {}),
          ...(tx.delete?.length ? { delete: tx.delete.map(item) } : {}),
        });
      } catch (e) {
        if (e instanceof KvsError && e.code === 'CONDITIONAL_CHECK_FAILED') throw new KvsConflictError(`transaction rejected: ${e.code}`, { cause: e });
        throw e;
      }
    },
  };
  return { port, store };
}

function rangeOf(r: KvsRangeCondition): { condition: string; values: unknown[] } {
  switch (r.op) {
    case 'between': return { condition: 'BETWEEN', values: [r.from, r.to] };
    case 'gte': return { condition: 'GREATER_THAN_EQUAL_TO', values: [r.value] };
    case 'gt': return { condition: 'GREATER_THAN', values: [r.value] };
    case 'lte': return { condition: 'LESS_THAN_EQUAL_TO', values: [r.value] };
    case 'lt': return { condition: 'LESS_THAN', values: [r.value] };
    case 'eq': return { condition: 'EQUAL_TO', values: [r.value] };
    case 'beginsWith': return { condition: 'BEGINS_WITH', values: [r.value] };
  }
}

function conditionOf(c: KvsAttributeCondition): { property: string; condition: string; values: unknown[] } {
  return c.op === 'notExists'
    ? { property: c.attribute, condition: 'NOT_EXISTS', values: [true] }
    : { property: c.attribute, condition: 'EQUAL_TO', values: [c.value ?? ''] };
}
