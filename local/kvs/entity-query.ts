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
 * By default filters are applied before the page is cut, so a page holds up to `limit`
 * matching rows. The docs do not say which order Forge uses; `limitBeforeFilter` switches to
 * the DynamoDB-like order (read `limit` rows of the range, then filter: pages may come back
 * short, even empty, with a cursor) so app code can be tested against both.
 */
export class EntityQueryEngine {
  /** Per entity+index: rows bucketed by partition value, each bucket sorted. */
  private cache = new Map<string, { version: number; buckets: Map<string, IndexRow[]> }>();
  limitBeforeFilter = false;

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

    const rows = this.indexRows(def, idx).get(partitionKey(partition ?? [])) ?? [];
    const ns = { kind: 'entity' as const, name: def.name };
    const out: Array<[string, StoredRecord]> = [];
    let more = false;
    let scanned = 0;
    let lastScanned: IndexRow | undefined;
    const step = desc ? -1 : 1;
    // Rows are sorted by their range value: a range condition is a window of them, found by
    // binary search, so a query costs its page, not the partition's size (as a real index).
    const win = range ? rangeWindow(range, def.attributes[idx.range[0]]) : undefined;
    let first = startIndex(rows, after, desc);
    if (win) first = desc ? Math.min(first, lastNotAfter(rows, win)) : Math.max(first, firstNotBefore(rows, win));
    for (let i = first; i >= 0 && i < rows.length; i += step) {
      const row = rows[i];
      if (win && (desc ? win.before(row.rangeKey[0]) : win.after(row.rangeKey[0]))) break;
      // TTL expiry does not invalidate the cache; an expired or replaced row is skipped here.
      if (this.store.read(ns, row.key) !== row.rec) continue;
      const v = row.rec.value as Record<string, unknown>;
      if (range && !matches(row.rangeKey[0], range)) continue;
      const pass = !filters || matchesGroup(v, filters);
      if (this.limitBeforeFilter) {
        if (scanned === limit) {
          more = true;
          break;
        }
        scanned += 1;
        lastScanned = row;
        if (pass) out.push([row.key, row.rec]);
      } else {
        if (!pass) continue;
        if (out.length === limit) {
          more = true;
          break;
        }
        lastScanned = row;
        out.push([row.key, row.rec]);
      }
    }
    const last = lastScanned;
    const cursor = more && last ? encodeCursor({ e: def.name, i: idx.name, r: last.rangeKey, k: last.key }) : undefined;
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

  private indexRows(def: EntityDef, idx: IndexDef): Map<string, IndexRow[]> {
    const cacheKey = `${def.name}\u0000${idx.name}`;
    const version = this.store.entityVersion(def.name);
    const hit = this.cache.get(cacheKey);
    if (hit && hit.version === version) return hit.buckets;
    const buckets = new Map<string, IndexRow[]>();
    for (const [key, rec] of this.store.entries({ kind: 'entity', name: def.name })) {
      const v = rec.value as Record<string, unknown>;
      // Sparse index: rows without every partition and range attribute are not in it.
      if ([...idx.partition, ...idx.range].some((a) => v[a] === undefined || v[a] === null)) continue;
      const bucket = partitionKey(idx.partition.map((a) => v[a]));
      let list = buckets.get(bucket);
      if (!list) buckets.set(bucket, (list = []));
      list.push({ key, rangeKey: idx.range.map((a) => v[a]), rec });
    }
    for (const list of buckets.values()) list.sort(compareRows);
    this.cache.set(cacheKey, { version, buckets });
    return buckets;
  }
}

/** Where a range condition's matches lie in the sort order: before it, or after it. */
interface RangeWindow {
  before(v: unknown): boolean;
  after(v: unknown): boolean;
}

/**
 * The window of a range condition on a string or number attribute whose bound has the same
 * type (every row then sorts by compareScalars); undefined otherwise, and the query scans.
 */
function rangeWindow(range: { condition: string; values: unknown[] }, type: string | undefined): RangeWindow | undefined {
  const [v0, v1] = range.values;
  const want = type === 'string' ? 'string' : type === 'integer' || type === 'float' ? 'number' : undefined;
  if (!want || typeof v0 !== want || (range.condition === 'BETWEEN' && typeof v1 !== want)) return undefined;
  const cmp = (a: unknown, b: unknown) => compareScalars(a, b) ?? 0;
  const never = () => false;
  switch (range.condition) {
    case 'EQUAL_TO':
      return { before: (v) => cmp(v, v0) < 0, after: (v) => cmp(v, v0) > 0 };
    case 'BETWEEN':
      return { before: (v) => cmp(v, v0) < 0, after: (v) => cmp(v, v1) > 0 };
    case 'GREATER_THAN':
      return { before: (v) => cmp(v, v0) <= 0, after: never };
    case 'GREATER_THAN_EQUAL_TO':
      return { before: (v) => cmp(v, v0) < 0, after: never };
    case 'LESS_THAN':
      return { before: never, after: (v) => cmp(v, v0) >= 0 };
    case 'LESS_THAN_EQUAL_TO':
      return { before: never, after: (v) => cmp(v, v0) > 0 };
    case 'BEGINS_WITH':
      // Strings with a prefix sort together, from the prefix itself on.
      return { before: (v) => cmp(v, v0) < 0, after: (v) => cmp(v, v0) > 0 && !String(v).startsWith(String(v0)) };
    default:
      return undefined;
  }
}

/**
 * The first index whose row meets `test` (rows.length when none does), for a test that holds
 * for a suffix of the sorted rows: every search over an index is this one.
 */
function firstWhere(rows: IndexRow[], test: (row: IndexRow) => boolean): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(rows[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first row not before the window (rows.length when every row is). */
const firstNotBefore = (rows: IndexRow[], win: RangeWindow): number => firstWhere(rows, (r) => !win.before(r.rangeKey[0]));

/** The last row not after the window (-1 when every row is). */
const lastNotAfter = (rows: IndexRow[], win: RangeWindow): number => firstWhere(rows, (r) => win.after(r.rangeKey[0])) - 1;

function partitionKey(values: unknown[]): string {
  return JSON.stringify(values);
}

/** Index of the first row to visit: after the cursor row in the direction of the sort. */
function startIndex(rows: IndexRow[], after: CursorState | undefined, desc: boolean): number {
  if (!after) return desc ? rows.length - 1 : 0;
  const pivot = { rangeKey: after.r, key: after.k };
  // First index whose row sorts after the cursor row (ASC order).
  const lo = firstWhere(rows, (r) => compareRows(r, pivot) > 0);
  if (!desc) return lo;
  // DESC: the last index whose row sorts before the cursor row.
  let i = lo - 1;
  while (i >= 0 && compareRows(rows[i], pivot) === 0) i--;
  return i;
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
