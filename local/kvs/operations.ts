import { parseFilterGroup, matchesGroup } from './conditions';
import { EntityQueryEngine } from './entity-query';
import { type EntityDef, validateEntityValue } from './entity-schema';
import { KvsError } from './errors';
import { KVS_LIMITS, validateEntityKey, validateEntityName, validateLimit, validatePlainKey, validateValue } from './limits';
import type { KvsStore, Namespace } from './store';
import { decodeKeyCursor, encodeKeyCursor, entityTag, listOf, meta, metadataFields, ttl } from './wire';

/** What an operation answers: a status and an optional JSON body (undefined = empty body). */
export interface OpResult {
  status: number;
  body?: unknown;
}

type Obj = Record<string, unknown>;
const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/** The `/api/v1/*` operations of the KVS and Custom Entity Store over one KvsStore. */
export class KvsOperations {
  readonly queries: EntityQueryEngine;

  constructor(
    private readonly store: KvsStore,
    private readonly entities: () => Map<string, EntityDef>,
  ) {
    this.queries = new EntityQueryEngine(store);
  }

  get(ns: Namespace, body: Obj): OpResult {
    const key = this.key(ns, body.key);
    const rec = this.store.read(ns, key);
    if (!rec) throw new KvsError('KEY_NOT_FOUND', `No value is stored for key "${key}".`);
    const fields = metadataFields((body.options as Obj | undefined)?.metadataFields);
    return { status: 200, body: { key, value: rec.value, ...entityTag(ns), ...meta(rec, fields) } };
  }

  set(ns: Namespace, body: Obj): OpResult {
    const key = this.key(ns, body.key);
    const value = this.value(ns, body.value);
    const options = (body.options ?? {}) as Obj;
    const ttlMs = ttl(options.ttl);
    if (options.keyPolicy !== undefined && options.keyPolicy !== 'OVERRIDE' && options.keyPolicy !== 'FAIL_IF_EXISTS') {
      throw new KvsError('INVALID_REQUEST', `keyPolicy must be OVERRIDE or FAIL_IF_EXISTS, got ${JSON.stringify(options.keyPolicy)}.`);
    }
    if (options.keyPolicy === 'FAIL_IF_EXISTS' && this.store.read(ns, key)) {
      throw new KvsError('KEY_CONFLICT', `Key "${key}" already exists and keyPolicy is FAIL_IF_EXISTS.`);
    }
    const { previous, latest } = this.store.write(ns, key, value, ttlMs);
    if (options.returnValue === undefined) return { status: 204 };
    if (options.returnValue !== 'PREVIOUS' && options.returnValue !== 'LATEST') {
      throw new KvsError('INVALID_REQUEST', `returnValue must be PREVIOUS or LATEST, got ${JSON.stringify(options.returnValue)}.`);
    }
    const rec = options.returnValue === 'PREVIOUS' ? previous : latest;
    if (!rec) return { status: 204 };
    return { status: 200, body: { key, value: rec.value, ...meta(rec, metadataFields(options.returnMetadataFields)) } };
  }

  delete(ns: Namespace, body: Obj): OpResult {
    const key = this.key(ns, body.key);
    if (!this.store.remove(ns, key)) throw new KvsError('KEY_NOT_FOUND', `No value is stored for key "${key}".`);
    return { status: 204 };
  }

  query(body: Obj): OpResult {
    const limit = validateLimit(body.limit, KVS_LIMITS.queryDefaultLimit, KVS_LIMITS.queryMaxLimit);
    let prefix = '';
    if (body.where !== undefined) {
      const w = body.where as Obj[];
      const c = Array.isArray(w) && w.length === 1 ? w[0] : undefined;
      if (!c || c.property !== 'key' || c.condition !== 'BEGINS_WITH' || !Array.isArray(c.values) || typeof c.values[0] !== 'string') {
        throw new KvsError('INVALID_CONDITION', `kvs.query() supports one where('key', beginsWith(prefix)), got ${JSON.stringify(body.where)}.`);
      }
      prefix = c.values[0];
    }
    const after = body.after === undefined || body.after === null ? undefined : decodeKeyCursor(body.after);
    const fields = metadataFields((body.options as Obj | undefined)?.metadataFields);
    const keys = this.store.entries({ kind: 'plain' })
      .filter(([k]) => k.startsWith(prefix) && (after === undefined || k > after))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const page = keys.slice(0, limit);
    const data = page.map(([key, rec]) => ({ key, value: rec.value, ...meta(rec, fields) }));
    const last = page[page.length - 1];
    return { status: 200, body: { data, ...(keys.length > limit && last ? { cursor: encodeKeyCursor(last[0]) } : {}) } };
  }

  entityQuery(body: Obj): OpResult {
    const def = this.entity(body.entityName);
    const { rows, cursor } = this.queries.run(def, body as never);
    const fields = metadataFields((body.options as Obj | undefined)?.metadataFields);
    const data = rows.map(([key, rec]) => ({ key, value: rec.value, ...meta(rec, fields) }));
    return { status: 200, body: { data, ...(cursor ? { cursor } : {}) } };
  }

  batchSet(body: unknown): OpResult {
    const items = this.batchItems(body, 'batchSet');
    return this.batch(items, (ns, it) => {
      const key = this.key(ns, it.key);
      const value = this.value(ns, it.value);
      this.store.write(ns, key, value, ttl((it.options as Obj | undefined)?.ttl));
      return {};
    });
  }

  batchGet(body: unknown): OpResult {
    const items = this.batchItems(body, 'batchGet');
    return this.batch(items, (ns, it) => {
      const key = this.key(ns, it.key);
      const rec = this.store.read(ns, key);
      if (!rec) throw new KvsError('KEY_NOT_FOUND', `No value is stored for key "${key}".`);
      return { value: rec.value, ...meta(rec, metadataFields((it.options as Obj | undefined)?.metadataFields)) };
    });
  }

  batchDelete(body: unknown): OpResult {
    const items = this.batchItems(body, 'batchDelete');
    // Deleting a missing key succeeds, as deletes are idempotent in a batch.
    return this.batch(items, (ns, it) => {
      this.store.remove(ns, this.key(ns, it.key));
      return {};
    });
  }

  transaction(body: Obj): OpResult {
    const sets = listOf(body.set, 'set');
    const deletes = listOf(body.delete, 'delete');
    const checks = listOf(body.check, 'check');
    const total = sets.length + deletes.length + checks.length;
    if (total === 0) throw new KvsError('INVALID_REQUEST', 'A transaction needs at least one set, delete or check.');
    if (total > KVS_LIMITS.maxTransactionOps) {
      throw new KvsError('TRANSACTION_TOO_LARGE', `A transaction may hold at most ${KVS_LIMITS.maxTransactionOps} operations, got ${total}.`);
    }
    // "A single kvs.batchSet operation can be a payload of 4MB, similar to transactions"
    // (storage-reference/batchops).
    if (Buffer.byteLength(JSON.stringify(body)) > MAX_REQUEST_BYTES) throw new KvsError('MAX_SIZE', 'The transaction payload exceeds 4 MB.');
    type Planned = { op: 'set' | 'delete' | 'check'; ns: Namespace; key: string; value?: unknown; ttlMs?: number; cond?: ReturnType<typeof parseFilterGroup> };
    const plan: Planned[] = [];
    const seen = new Set<string>();
    const add = (op: Planned['op'], it: Obj) => {
      if (op === 'check' && it.entityName === undefined) throw new KvsError('INVALID_REQUEST', 'A transaction check needs an entityName.');
      const ns = this.namespaceOf(it.entityName);
      const key = this.key(ns, it.key);
      const id = `${ns.kind === 'entity' ? ns.name : ''}\u0000${key}`;
      if (seen.has(id)) throw new KvsError('DUPLICATE_KEYS', `Key "${key}" appears more than once in the transaction.`);
      seen.add(id);
      const cond = parseFilterGroup(it.conditions);
      if (cond && ns.kind !== 'entity') throw new KvsError('INVALID_CONDITION', `Conditions need an entityName (key "${key}").`);
      if (op === 'check' && !cond) throw new KvsError('INVALID_CONDITION', `The check on "${key}" has no conditions.`);
      plan.push({
        op, ns, key, cond,
        ...(op === 'set' ? { value: this.value(ns, it.value), ttlMs: ttl((it.options as Obj | undefined)?.ttl) } : {}),
      });
    };
    sets.forEach((it) => add('set', it));
    deletes.forEach((it) => add('delete', it));
    checks.forEach((it) => add('check', it));
    const failed = plan.filter((p) => p.cond && !matchesGroup(this.store.read(p.ns, p.key)?.value as Obj | undefined, p.cond));
    if (failed.length > 0) {
      throw new KvsError('CONDITIONAL_CHECK_FAILED', `Transaction cancelled: the conditions on ${failed.map((f) => `${f.op} "${f.key}"`).join(', ')} were not met.`, {
        failedKeys: failed.map((f) => ({ key: f.key, entityName: f.ns.kind === 'entity' ? f.ns.name : undefined, operation: f.op })),
      });
    }
    // Everything is validated above, so applying cannot fail half-way.
    for (const p of plan) {
      if (p.op === 'set') this.store.write(p.ns, p.key, p.value, p.ttlMs);
      else if (p.op === 'delete') this.store.remove(p.ns, p.key);
    }
    return { status: 204 };
  }

  private batchItems(body: unknown, op: string): Obj[] {
    if (!Array.isArray(body)) throw new KvsError('INVALID_REQUEST', `${op} expects a JSON array of items.`);
    if (body.length === 0) throw new KvsError('EMPTY_BATCH', `${op} needs at least one key.`);
    if (body.length > KVS_LIMITS.maxBatchKeys) {
      throw new KvsError('BATCH_TOO_LARGE', `${op} takes at most ${KVS_LIMITS.maxBatchKeys} keys, got ${body.length}.`);
    }
    if (Buffer.byteLength(JSON.stringify(body)) > MAX_REQUEST_BYTES) throw new KvsError('MAX_SIZE', `${op} payload exceeds 4 MB.`);
    const seen = new Set<string>();
    for (const it of body as Obj[]) {
      const id = `${String(it?.entityName ?? '')}\u0000${String(it?.key)}`;
      if (seen.has(id)) throw new KvsError('DUPLICATE_KEYS', `${op} has key "${String(it?.key)}"${it?.entityName ? ` (entity ${String(it.entityName)})` : ''} more than once.`);
      seen.add(id);
    }
    return body as Obj[];
  }

  private batch(items: Obj[], fn: (ns: Namespace, it: Obj) => Obj): OpResult {
    const successfulKeys: Obj[] = [];
    const failedKeys: Obj[] = [];
    for (const it of items) {
      const id = { key: it.key, ...(it.entityName !== undefined ? { entityName: it.entityName } : {}) };
      try {
        successfulKeys.push({ ...id, ...fn(this.namespaceOf(it.entityName), it) });
      } catch (e) {
        if (!(e instanceof KvsError)) throw e;
        failedKeys.push({ ...id, error: { code: e.code, message: e.message } });
      }
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  namespaceOf(entityName: unknown): Namespace {
    return entityName === undefined || entityName === null ? { kind: 'plain' } : { kind: 'entity', name: this.entity(entityName).name };
  }

  private entity(name: unknown): EntityDef {
    const n = validateEntityName(name);
    const def = this.entities().get(n);
    if (!def) {
      throw new KvsError('INVALID_ENTITY', `Entity "${n}" is not declared in manifest.yml app.storage.entities (declared: ${[...this.entities().keys()].join(', ') || 'none'}).`);
    }
    return def;
  }

  entityNs(name: unknown): Namespace {
    return { kind: 'entity', name: this.entity(name).name };
  }

  private key(ns: Namespace, key: unknown): string {
    return ns.kind === 'entity' ? validateEntityKey(key) : validatePlainKey(key);
  }

  private value(ns: Namespace, value: unknown): unknown {
    validateValue(value);
    if (ns.kind === 'entity') validateEntityValue(this.entity(ns.name), value);
    return value;
  }
}
