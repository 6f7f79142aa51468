import { compareScalars, assertCondition, matches, matchesGroup, parseFilterGroup } from './conditions';
import type { EntityDef, IndexDef } from './entity-schema';
import { KvsError } from './errors';
import { KVS_LIMITS, validateLimit } from './limits';
import type { KvsStore, StoredRecord } from './store';

export interface EntityQueryRequest {
  entityName: string;
  indexName: string;
  partition?: unknown[];
  range?: unknown;
  filters?: unknown;
  sort?: unknown;
  cursor?: unknown;
  limit?: unknown;
}

interface IndexRow {
  key: string;
  rangeKey: unknown[];
  rec: StoredRecord;
}

interface CursorState {
  e: string;
  i: string;
  r: unknown[];
  k: string;
}

/**
 * Runs an index query the way the Custom Entity Store describes it: rows that carry every
 * partition and range attribute of the index, one partition, an optional range condition on
 * the range attribute, filters on any attribute, ordered by the range value (key breaks ties).
 * Filters are applied before the page is cut, so a page holds up to `limit` matching rows.
 */
export class EntityQueryEngine {
  private cache = new Map<string, { version: number; rows: IndexRow[] }>();

  constructor(private readonly store: KvsStore) {}

  run(def: EntityDef, req: EntityQueryRequest): { rows: Array<[string, StoredRecord]>; cursor?: string } {
    const idx = def.indexes.get(req.indexName);
    if (!idx) {
      throw new KvsError('INVALID_INDEX', `Entity "${def.name}" has no index "${String(req.indexName)}" in manifest.yml (has: ${[...def.indexes.keys()].join(', ') || 'none'}).`);
    }
    const partition = this.checkPartition(idx, req.partition);
    let range: { condition: string; values: unknown[] } | undefined;
    if (req.range !== undefined && req.range !== null) {
      assertCondition(req.range, 'range');
      range = req.range as { condition: string; values: unknown[] };
    }
    const filters = parseFilterGroup(req.filters);
    if (req.sort !== undefined && req.sort !== 'ASC' && req.sort !== 'DESC') {
      throw new KvsError('INVALID_REQUEST', `sort must be "ASC" or "DESC", got ${JSON.stringify(req.sort)}.`);
    }
    const desc = req.sort === 'DESC';
    const limit = validateLimit(req.limit, KVS_LIMITS.entityQueryDefaultLimit, KVS_LIMITS.entityQueryMaxLimit);
    const after = req.cursor === undefined || req.cursor === null ? undefined : decodeCursor(req.cursor, def.name, idx.name);

    const rows = this.indexRows(def, idx);
    const ordered = desc ? [...rows].reverse() : rows;
    const out: Array<[string, StoredRecord]> = [];
    let more = false;
    for (const row of ordered) {
      if (after && !isAfter(row, after, desc)) continue;
      const v = row.rec.value as Record<string, unknown>;
      if (partition && !idx.partition.every((attr, i) => compareScalars(v[attr], partition[i]) === 0)) continue;
      if (range && !matches(row.rangeKey[0], range)) continue;
      if (filters && !matchesGroup(v, filters)) continue;
      if (out.length === limit) {
        more = true;
        break;
      }
      out.push([row.key, row.rec]);
    }
    const last = out[out.length - 1];
    const cursor = more && last
      ? encodeCursor({ e: def.name, i: idx.name, r: idx.range.map((a) => (last[1].value as Record<string, unknown>)[a]), k: last[0] })
      : undefined;
    return { rows: out, cursor };
  }

  private checkPartition(idx: IndexDef, partition: unknown[] | undefined): unknown[] | undefined {
    if (idx.partition.length === 0) {
      if (partition !== undefined && partition !== null && partition.length > 0) {
        throw new KvsError('INVALID_PARTITION', `Index "${idx.name}" has no partition, but the query sent one.`);
      }
      return undefined;
    }
    if (!Array.isArray(partition) || partition.length !== idx.partition.length) {
      throw new KvsError('INVALID_PARTITION', `Index "${idx.name}" needs a partition of ${idx.partition.length} value(s) [${idx.partition.join(', ')}], got ${JSON.stringify(partition)}.`);
    }
    return partition;
  }

  private indexRows(def: EntityDef, idx: IndexDef): IndexRow[] {
    const cacheKey = `${def.name}\u0000${idx.name}`;
    const version = this.store.entityVersion(def.name);
    const hit = this.cache.get(cacheKey);
    // TTL expiry does not bump the version, so rows are re-checked for expiry below.
    if (hit && hit.version === version) return hit.rows.filter((r) => this.store.read({ kind: 'entity', name: def.name }, r.key) === r.rec);
    const rows: IndexRow[] = [];
    for (const [key, rec] of this.store.entries({ kind: 'entity', name: def.name })) {
      const v = rec.value as Record<string, unknown>;
      const attrs = [...idx.partition, ...idx.range];
      if (attrs.some((a) => v[a] === undefined || v[a] === null)) continue;
      rows.push({ key, rangeKey: idx.range.map((a) => v[a]), rec });
    }
    rows.sort(compareRows);
    this.cache.set(cacheKey, { version, rows });
    return rows;
  }
}

function compareRows(a: { rangeKey: unknown[]; key: string }, b: { rangeKey: unknown[]; key: string }): number {
  for (let i = 0; i < a.rangeKey.length; i++) {
    const c = compareScalars(a.rangeKey[i], b.rangeKey[i]);
    if (c === undefined) {
      // Mixed types in one range attribute (only possible with `any`): order by type name.
      const t = typeof a.rangeKey[i] < typeof b.rangeKey[i] ? -1 : 1;
      return t;
    }
    if (c !== 0) return c;
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function isAfter(row: IndexRow, after: CursorState, desc: boolean): boolean {
  const c = compareRows(row, { rangeKey: after.r, key: after.k });
  return desc ? c < 0 : c > 0;
}

function encodeCursor(c: CursorState): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
}

function decodeCursor(raw: unknown, entity: string, index: string): CursorState {
  try {
    const c = JSON.parse(Buffer.from(String(raw), 'base64url').toString('utf8')) as CursorState;
    if (c && c.e === entity && c.i === index && Array.isArray(c.r) && typeof c.k === 'string') return c;
  } catch {
    // fall through to the error below
  }
  throw new KvsError('INVALID_CURSOR', `The cursor does not belong to a query on ${entity}/${index}.`);
}
