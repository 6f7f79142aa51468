import { z } from 'zod';
import { ACTIVITY_KINDS, type ActivityKind } from '../domain/activity';
import { rollupContainerSchema, type RollupCell, type RollupContainer } from '../domain/rollup';
import { StoredRollupError } from './stored-errors';
import { defineFormat, issuePaths, type ReadResult } from './stored-format';
import { DAY_MS } from '../domain/time-window';

/**
 * The one module that knows how a rollup week lays out its rows. Everything else builds weeks
 * with RollupWeekBuilder and reads them with forEachRollupRow / expandRollupWeek, so a new
 * stored layout is a change here only.
 *
 * A row is [dayOffset 0..6, teammate index, kind index (ACTIVITY_KINDS), container index, count,
 * seconds] over the week's teammate and container dictionaries. In memory a built week's rows
 * are one flat number array, ROW_WIDTH numbers a row, and a read one's may stay packed
 * (RollupRows): a busy 90-day range is ~200,000 rows. Stored, format 1
 * held one array per row, format 2 the flat array, and format 3 (today) packs the rows into one
 * string (see packRows): a third of the bytes, and a string crosses JSON (the KVS wire, both
 * ways) about as fast as a copy, where 200,000 rows of numbers took most of a summary's time.
 * Format 4 (today) lets a week too big for one KVS value keep its packed rows in parts.
 */
export interface RollupWeek {
  week: string;
  teammates: string[];
  containers: RollupContainer[];
  /** Opaque outside this module: use forEachRollupRow. */
  rows: RollupRows;
}

/**
 * The flat rows (built, or read from formats 1 and 2), or a format-3 week's packed string as
 * read (checked against the dictionaries when read, unpacked row by row as it is visited: a
 * 90-day summary never allocates its ~200,000 rows).
 */
export type RollupRows = number[] | { packed: string; count: number };

const ROW_WIDTH = 6;
const NK = ACTIVITY_KINDS.length;

export type RollupRowVisitor = (day: number, teammate: number, kind: number, container: number, count: number, seconds: number) => void;

/** Calls `visit` for every row: indices into the week's dictionaries and ACTIVITY_KINDS. */
export function forEachRollupRow(doc: RollupWeek, visit: RollupRowVisitor): void {
  const r = doc.rows;
  if (Array.isArray(r)) {
    for (let i = 0; i < r.length; i += ROW_WIDTH) visit(r[i], r[i + 1], r[i + 2], r[i + 3], r[i + 4], r[i + 5]);
  } else {
    visitPacked(r.packed, visit);
  }
}

export function rollupRowCount(doc: RollupWeek): number {
  return Array.isArray(doc.rows) ? doc.rows.length / ROW_WIDTH : doc.rows.count;
}

/** The rows as cells with names, what tests and small readers compare. */
export function expandRollupWeek(doc: RollupWeek): RollupCell[] {
  const start = Date.parse(`${doc.week}T00:00:00.000Z`);
  const out: RollupCell[] = [];
  forEachRollupRow(doc, (d, t, k, c, count, seconds) => {
    out.push({ day: new Date(start + d * DAY_MS).toISOString().slice(0, 10), teammateId: doc.teammates[t], kind: ACTIVITY_KINDS[k], container: doc.containers[c], count, seconds });
  });
  return out;
}

interface Cell {
  day: number;
  teammateId: string;
  kind: number;
  container: RollupContainer;
  count: number;
  seconds: number;
}

/**
 * Sums cells by (day, teammate, kind, container) and lays them out as a week. Dictionaries
 * list teammates and containers in the order their first counted cell was added; cells that
 * sum to zero are left out.
 */
export class RollupWeekBuilder {
  private readonly cells = new Map<string, Cell>();

  constructor(readonly week: string) {}

  /** False when a count or the seconds would go below zero (the week cannot have counted it). */
  add(day: number, teammateId: string, kind: ActivityKind | number, container: RollupContainer, count: number, seconds: number): boolean {
    const k = typeof kind === 'number' ? kind : ACTIVITY_KINDS.indexOf(kind);
    const key = `${day}|${teammateId}|${k}|${container.key}`;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { day, teammateId, kind: k, container, count: 0, seconds: 0 }));
    cell.count += count;
    cell.seconds += seconds;
    return cell.count >= 0 && cell.seconds >= 0;
  }

  /** Adds every row of a stored week. */
  addWeek(doc: RollupWeek): void {
    forEachRollupRow(doc, (d, t, k, c, count, seconds) => void this.add(d, doc.teammates[t], k, doc.containers[c], count, seconds));
  }

  build(): RollupWeek {
    const teammates: string[] = [];
    const tIndex = new Map<string, number>();
    const containers: RollupContainer[] = [];
    const cIndex = new Map<string, number>();
    const rows: number[] = [];
    for (const c of this.cells.values()) {
      if (c.count === 0) continue;
      let t = tIndex.get(c.teammateId);
      if (t === undefined) tIndex.set(c.teammateId, (t = teammates.push(c.teammateId) - 1));
      let ci = cIndex.get(c.container.key);
      if (ci === undefined) cIndex.set(c.container.key, (ci = containers.push(c.container) - 1));
      rows.push(c.day, t, c.kind, ci, c.count, c.seconds);
    }
    return { week: this.week, teammates, containers, rows };
  }
}

// Stored formats. The envelope goes through zod; the rows (tens of thousands of integers in a
// busy week) are checked by a tight loop, which keeps a 90-day read well inside its budget.
const envelope = z.object({
  week: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  teammates: z.array(z.string()),
  containers: z.array(rollupContainerSchema),
  // Only "an array" here: its elements are checked below, without a call per element.
  rows: z.custom<unknown[]>((v) => Array.isArray(v), { error: 'expected an array' }),
});
type Envelope = z.infer<typeof envelope>;

const isIntIn = (v: unknown, min: number, max: number): boolean => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** -1 when the row at `o` fits the dictionaries; else the index of the first field that does not. */
function badField(doc: Envelope, r: ArrayLike<unknown>, o: number): number {
  if (!isIntIn(r[o], 0, 6)) return 0;
  if (!isIntIn(r[o + 1], 0, doc.teammates.length - 1)) return 1;
  if (!isIntIn(r[o + 2], 0, NK - 1)) return 2;
  if (!isIntIn(r[o + 3], 0, doc.containers.length - 1)) return 3;
  if (!isIntIn(r[o + 4], 1, Number.MAX_SAFE_INTEGER)) return 4;
  if (!isIntIn(r[o + 5], 0, Number.MAX_SAFE_INTEGER)) return 5;
  return -1;
}

function readEnvelope(raw: unknown, rows: (doc: Envelope) => number[] | string): ReadResult<RollupWeek> {
  const env = envelope.safeParse(raw);
  if (!env.success) return { ok: false, paths: issuePaths(env.error) };
  const flat = rows(env.data);
  if (typeof flat === 'string') return { ok: false, paths: flat };
  return { ok: true, value: { week: env.data.week, teammates: env.data.teammates, containers: env.data.containers, rows: flat } };
}

/** Format 1: one [d, t, k, c, count, seconds] array per row. */
function readV1(raw: unknown): ReadResult<RollupWeek> {
  return readEnvelope(raw, (doc) => {
    const flat = new Array<number>(doc.rows.length * ROW_WIDTH);
    for (let i = 0; i < doc.rows.length; i++) {
      const r = doc.rows[i];
      if (!Array.isArray(r) || r.length !== ROW_WIDTH) return `rows.${i}`;
      const bad = badField(doc, r, 0);
      if (bad >= 0) return `rows.${i}.${bad}`;
      for (let f = 0; f < ROW_WIDTH; f++) flat[i * ROW_WIDTH + f] = r[f] as number;
    }
    return flat;
  });
}

/** Format 2: the rows flat, ROW_WIDTH numbers each. */
function readV2(raw: unknown): ReadResult<RollupWeek> {
  return readEnvelope(raw, (doc) => {
    const rows = doc.rows;
    if (rows.length % ROW_WIDTH !== 0) return 'rows (length)';
    for (let i = 0; i < rows.length; i += ROW_WIDTH) {
      const bad = badField(doc, rows, i);
      if (bad >= 0) return `rows.${i + bad}`;
    }
    return rows as number[];
  });
}

/*
 * Format 3 packs each row into characters of the URL-safe base64 alphabet (no character JSON
 * escapes): one character holds day * NK + kind (7 * 8 = 56 < 64), then teammate, container,
 * count and seconds follow as variable-length numbers, five bits a character, lowest first,
 * the character's sixth bit saying "more follows". A row of a busy week is 5 to 8 characters
 * where its JSON numbers took about 15. The row order is kept, so a week reads back exactly as
 * it was built.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CHAR_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) CHAR_VALUE[ALPHABET.charCodeAt(i)] = i;
const CHAR_CODE = Array.from(ALPHABET, (c) => c.charCodeAt(0));
const MORE = 32;

function packRows(rows: readonly number[]): string {
  const codes: number[] = [];
  const num = (v: number) => {
    // Arithmetic, not bit operators: seconds may exceed 32 bits.
    while (v >= MORE) {
      codes.push(CHAR_CODE[MORE + (v % MORE)]);
      v = Math.floor(v / MORE);
    }
    codes.push(CHAR_CODE[v]);
  };
  for (let i = 0; i < rows.length; i += ROW_WIDTH) {
    codes.push(CHAR_CODE[rows[i] * NK + rows[i + 2]]);
    num(rows[i + 1]);
    num(rows[i + 3]);
    num(rows[i + 4]);
    num(rows[i + 5]);
  }
  let out = '';
  // String.fromCharCode takes its arguments on the stack: in slices.
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/**
 * The path of the first field of a packed string that does not fit the dictionaries (or
 * 'rows (length)' when it holds more or fewer than `rowCount` rows); undefined when all fit.
 * One loop over plain locals and no allocation: it runs over every row a summary reads.
 */
function checkPacked(packed: string, rowCount: number, teammates: number, containers: number): string | undefined {
  const end = packed.length;
  let p = 0;
  for (let i = 0; i < rowCount; i++) {
    const o = i * ROW_WIDTH;
    if (p >= end) return 'rows (length)';
    const c = packed.charCodeAt(p++);
    const dk = c < 128 ? CHAR_VALUE[c] : -1;
    if (dk < 0 || dk >= 7 * NK) return `rows.${o}`;
    // Teammate, container, count, seconds (fields 1, 3, 4, 5 of the row).
    for (let f = 0; f < 4; f++) {
      let v = 0;
      let scale = 1;
      for (;;) {
        const x = p < end ? packed.charCodeAt(p++) : -1;
        const d = x >= 0 && x < 128 ? CHAR_VALUE[x] : -1;
        if (d < 0 || scale > Number.MAX_SAFE_INTEGER) return `rows.${o + (f === 0 ? 1 : f + 2)}`;
        if (d < MORE) {
          v += d * scale;
          break;
        }
        v += (d - MORE) * scale;
        scale *= MORE;
      }
      const bad = f === 0 ? v >= teammates : f === 1 ? v >= containers : f === 2 ? v < 1 || v > Number.MAX_SAFE_INTEGER : v > Number.MAX_SAFE_INTEGER;
      if (bad) return `rows.${o + (f === 0 ? 1 : f + 2)}`;
    }
  }
  return p === end ? undefined : 'rows (length)';
}

/** Calls `visit` for every row of a packed string checkPacked accepted. */
function visitPacked(packed: string, visit: RollupRowVisitor): void {
  const end = packed.length;
  let p = 0;
  while (p < end) {
    const dk = CHAR_VALUE[packed.charCodeAt(p++)];
    const kind = dk % NK;
    let t = 0;
    let c = 0;
    let count = 0;
    let seconds = 0;
    for (let f = 0; f < 4; f++) {
      let v = 0;
      let scale = 1;
      for (;;) {
        const d = CHAR_VALUE[packed.charCodeAt(p++)];
        if (d < MORE) {
          v += d * scale;
          break;
        }
        v += (d - MORE) * scale;
        scale *= MORE;
      }
      if (f === 0) t = v;
      else if (f === 1) c = v;
      else if (f === 2) count = v;
      else seconds = v;
    }
    visit((dk - kind) / NK, t, kind, c, count, seconds);
  }
}

const envelopeV3 = envelope.omit({ rows: true }).extend({
  rowCount: z.number().int().min(0),
  rows: z.string(),
});

/** Format 3: the rows packed into one string (packRows), with their count. */
function readV3(raw: unknown): ReadResult<RollupWeek> {
  const env = envelopeV3.safeParse(raw);
  if (!env.success) return { ok: false, paths: issuePaths(env.error) };
  const doc = env.data;
  const bad = checkPacked(doc.rows, doc.rowCount, doc.teammates.length, doc.containers.length);
  if (bad !== undefined) return { ok: false, paths: bad };
  return { ok: true, value: { week: doc.week, teammates: doc.teammates, containers: doc.containers, rows: { packed: doc.rows, count: doc.rowCount } } };
}

/*
 * Format 4 is format 3 with a `parts` count. A week whose document would pass HEAD_MAX_BYTES
 * (a busy week of a large site: one KVS value holds at most 240 KiB) keeps its dictionaries in
 * the head and its packed rows in `parts` separate values of at most PART_CHARS characters each,
 * written with the head in one transaction (src/store/rollup-repository.ts). The split is by
 * characters, not rows: the parts only mean something joined, in order.
 */
const envelopeV4 = envelopeV3.extend({ parts: z.number().int().min(0).max(64) });

/** Characters of packed rows in one part (the alphabet is ASCII: a character is a byte). */
export const ROLLUP_PART_CHARS = 200 * 1024;
/** The largest head stored with its rows inline (its JSON, in bytes), below the 240 KiB cap. */
export const ROLLUP_HEAD_MAX_BYTES = 200 * 1024;
/**
 * The most parts a week may have. The head, its parts and the deletion of a longer previous
 * version's parts go in one transaction: 1 + 16 operations, and at most ~3.4 MB with the head,
 * inside a transaction's 25 operations and 4 MB
 * (https://developer.atlassian.com/platform/forge/storage-reference/batchops: "a payload of
 * 4MB, similar to transactions"). 16 parts hold about 400,000 rows: 7 days x 100 teammates x
 * 8 kinds x 70 projects and spaces all busy every day.
 */
export const ROLLUP_MAX_PARTS = 16;

/** Format 4 as read, once its parts (if any) are joined back into `rows`. */
function readV4(raw: unknown): ReadResult<RollupWeek> {
  const env = envelopeV4.safeParse(raw);
  if (!env.success) return { ok: false, paths: issuePaths(env.error) };
  if (env.data.parts !== 0) return { ok: false, paths: 'parts (not read with the week)' };
  return readV3(raw);
}

const rollupWeekFormat = defineFormat<RollupWeek>({
  readers: { 1: { read: readV1 }, 2: { read: readV2 }, 3: { read: readV3 }, 4: { read: readV4 } },
  write: (doc) => ({
    week: doc.week,
    teammates: doc.teammates,
    containers: doc.containers,
    rowCount: rollupRowCount(doc),
    rows: Array.isArray(doc.rows) ? packRows(doc.rows) : doc.rows.packed,
    parts: 0,
  }),
  malformed: (where, paths) => new StoredRollupError(where, paths),
});

export const ROLLUP_WEEK_VERSION = rollupWeekFormat.version;

/** A week as stored: the head's `data`, and the rows of its parts in order (none for most weeks). */
export interface StoredRollupBody {
  data: Record<string, unknown>;
  parts: string[];
}

/**
 * The stored form of a week (today's format): inline when its head fits ROLLUP_HEAD_MAX_BYTES,
 * else a head without rows and its rows in parts. Throws when even ROLLUP_MAX_PARTS parts cannot
 * hold it (the caller's write fails; nothing is stored half-way).
 */
export function encodeRollupWeekParts(doc: RollupWeek): StoredRollupBody {
  const data = rollupWeekFormat.encode(doc) as Record<string, unknown> & { rows: string };
  // The rows are ASCII: their length is their bytes; only the dictionaries need measuring.
  const headBytes = Buffer.byteLength(JSON.stringify({ ...data, rows: '' })) + data.rows.length;
  if (headBytes <= ROLLUP_HEAD_MAX_BYTES) return { data, parts: [] };
  const rows = data.rows;
  const parts: string[] = [];
  for (let i = 0; i < rows.length; i += ROLLUP_PART_CHARS) parts.push(rows.slice(i, i + ROLLUP_PART_CHARS));
  if (parts.length > ROLLUP_MAX_PARTS || headBytes - rows.length > ROLLUP_HEAD_MAX_BYTES) {
    throw new Error(`rollup week ${doc.week} needs ${parts.length} parts of rows (${rollupRowCount(doc)} rows) and a ${headBytes - rows.length}-byte head; at most ${ROLLUP_MAX_PARTS} parts and ${ROLLUP_HEAD_MAX_BYTES} bytes fit a KVS transaction`);
  }
  return { data: { ...data, rows: '', parts: parts.length }, parts };
}

/** The stored `data` of a week that fits one value (today's format); throws for one that needs parts. */
export function encodeRollupWeek(doc: RollupWeek): Record<string, unknown> {
  const body = encodeRollupWeekParts(doc);
  if (body.parts.length > 0) throw new Error(`rollup week ${doc.week} needs ${body.parts.length} parts: store it with encodeRollupWeekParts`);
  return body.data;
}

/**
 * How many parts a stored head says its rows are in (0 for formats 1-3 and for a head too
 * malformed to say: decoding it then reports what is wrong).
 */
export function rollupPartCount(raw: unknown): number {
  if (rollupWeekFormat.versionOf(raw) !== 4) return 0;
  const p = (raw as { parts?: unknown }).parts;
  return typeof p === 'number' && Number.isInteger(p) && p > 0 && p <= ROLLUP_MAX_PARTS ? p : 0;
}

/**
 * A stored week of any known format, with the rows of its parts in order when its head has
 * parts; throws StoredRollupError naming `key` and the paths.
 */
export function decodeRollupWeek(raw: unknown, key: string, parts: readonly string[] = []): RollupWeek {
  const want = rollupPartCount(raw);
  if (want === 0 && parts.length === 0) return rollupWeekFormat.decode(raw, key);
  if (parts.length !== want) throw new StoredRollupError(key, `parts (${want} expected, ${parts.length} read)`);
  if ((raw as { rows?: unknown }).rows !== '') throw new StoredRollupError(key, 'rows (a week with parts keeps none in its head)');
  return rollupWeekFormat.decode({ ...(raw as object), rows: parts.join(''), parts: 0 }, key);
}

export const rollupWeekVersionOf = (raw: unknown): number => rollupWeekFormat.versionOf(raw);
