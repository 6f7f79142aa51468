import { ACTIVITY_KINDS } from '../../src/domain/activity';
import { StoredRollupError } from '../../src/store/stored-errors';
import { decodeRollupWeek, encodeRollupWeek, encodeRollupWeekParts, expandRollupWeek, ROLLUP_HEAD_MAX_BYTES, ROLLUP_MAX_PARTS, ROLLUP_PART_CHARS, ROLLUP_WEEK_VERSION, rollupPartCount, rollupRowCount, RollupWeekBuilder, type RollupWeek } from '../../src/store/rollup-week-format';
import { busyWeek, container, rowsOf } from './helpers/weeks';

/** A week with indices and numbers past every one-character boundary of the packed format. */
function wideWeek(): RollupWeek {
  const b = new RollupWeekBuilder('2026-11-16');
  let n = 0;
  for (let t = 0; t < 70; t++) {
    for (let c = 0; c < 40; c += 3) {
      const day = (t + c) % 7;
      const kind = (t * 3 + c) % ACTIVITY_KINDS.length;
      const count = [1, 31, 32, 33, 1023, 1024, 70_000][n % 7];
      const seconds = [0, 900, 31, 32, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER - 1, 86_400 * 365][n++ % 7];
      b.add(day, `tm-${t}`, kind, container(c), count, seconds);
    }
  }
  return b.build();
}


/** A stored week as JSON carries it (what KVS gives back). */
const wire = (doc: RollupWeek) => JSON.parse(JSON.stringify(encodeRollupWeek(doc))) as Record<string, unknown>;

describe('rollup week formats 3 and 4 (packed rows)', () => {
  it('stores the rows as one string and reads back every row, in order', () => {
    const doc = wideWeek();
    const stored = wire(doc);
    expect(stored.v).toBe(ROLLUP_WEEK_VERSION);
    expect(ROLLUP_WEEK_VERSION).toBe(4);
    expect(stored.parts).toBe(0);
    expect(typeof stored.rows).toBe('string');
    expect(stored.rows).toMatch(/^[A-Za-z0-9_-]*$/);
    const read = decodeRollupWeek(stored, 'rw:2026-11-16');
    expect(rollupRowCount(read)).toBe(rollupRowCount(doc));
    expect(rowsOf(read)).toEqual(rowsOf(doc));
    expect(expandRollupWeek(read)).toEqual(expandRollupWeek(doc));
    // Re-encoding what was read writes the same document.
    expect(wire(read)).toEqual(stored);
  });

  it('an empty week round-trips', () => {
    const doc = new RollupWeekBuilder('2026-11-16').build();
    const read = decodeRollupWeek(wire(doc), 'rw:2026-11-16');
    expect(rollupRowCount(read)).toBe(0);
    expect(rowsOf(read)).toEqual([]);
  });

  it('takes a third of the bytes of format 2', () => {
    const doc = wideWeek();
    const stored = JSON.stringify(encodeRollupWeek(doc));
    const rows: number[] = rowsOf(doc).flat();
    const format2 = JSON.stringify({ week: doc.week, teammates: doc.teammates, containers: doc.containers, rows, v: 2 });
    const packed = (wire(doc).rows as string).length;
    expect(packed * 2).toBeLessThan(JSON.stringify(rows).length);
    expect(stored.length).toBeLessThan(format2.length);
  });

  it('refuses a packed string that does not fit its dictionaries or its row count, naming the field', () => {
    const doc = new RollupWeekBuilder('2026-11-16');
    doc.add(2, 'tm-a', 'jira.comment', container(1), 3, 0);
    doc.add(3, 'tm-b', 'jira.worklog', container(2), 1, 1800);
    const good = wire(doc.build());
    const bad = (patch: Record<string, unknown>) => () => decodeRollupWeek({ ...good, ...patch }, 'rw:2026-11-16');
    expect(bad({})).not.toThrow();
    expect(bad({ rowCount: 3 })).toThrow(StoredRollupError);
    expect(bad({ rowCount: 3 })).toThrow(/rw:2026-11-16.*rows \(length\)/);
    expect(bad({ rowCount: 1 })).toThrow(/rows \(length\)/);
    expect(bad({ rows: `${good.rows as string}A` })).toThrow(/rows \(length\)/);
    // A character outside the alphabet.
    expect(bad({ rows: `!${(good.rows as string).slice(1)}` })).toThrow(/rows\.0/);
    // Day 7 does not exist (7 * 8 + kind is past the day-and-kind character's range).
    expect(bad({ rows: `4${(good.rows as string).slice(1)}` })).toThrow(/rows\.0/);
    // Teammate index 2 of two teammates.
    expect(bad({ teammates: ['tm-a'] })).toThrow(/rows\.7/);
    expect(bad({ containers: [container(1)] })).toThrow(/rows\.9/);
    // A count of zero: a stored row always counts something.
    const r = good.rows as string;
    expect(bad({ rows: `${r.slice(0, 3)}A${r.slice(4)}` })).toThrow(/rows\.4/);
    // A number cut off mid-way (its last character says more follows).
    expect(bad({ rows: `${r.slice(0, -1)}g`, rowCount: 2 })).toThrow(/rows\.11/);
    expect(bad({ rows: 42 })).toThrow(/rows/);
  });
});

describe('rollup week format 4: a week too big for one KVS value keeps its rows in parts', () => {
  const big = busyWeek(120, 12); // 80,640 rows, about 640 KB packed

  it('splits the packed rows into parts under the value cap and reads every row back, in order', () => {
    const body = JSON.parse(JSON.stringify(encodeRollupWeekParts(big))) as { data: Record<string, unknown>; parts: string[] };
    expect(body.parts.length).toBeGreaterThan(1);
    expect(body.parts.every((p) => p.length <= ROLLUP_PART_CHARS)).toBe(true);
    expect(body.data.parts).toBe(body.parts.length);
    expect(body.data.rows).toBe('');
    expect(rollupPartCount(body.data)).toBe(body.parts.length);
    // Every value a write stores fits under 240 KiB.
    expect(Buffer.byteLength(JSON.stringify(body.data))).toBeLessThanOrEqual(ROLLUP_HEAD_MAX_BYTES);
    for (const p of body.parts) expect(Buffer.byteLength(JSON.stringify({ week: big.week, rev: 1, part: 0, rows: p }))).toBeLessThan(240 * 1024);
    const read = decodeRollupWeek(body.data, 'rw:2026-11-23', body.parts);
    expect(rollupRowCount(read)).toBe(80_640);
    expect(rowsOf(read)).toEqual(rowsOf(big));
  });

  it('keeps a week that fits inline, with no parts', () => {
    const body = encodeRollupWeekParts(wideWeek());
    expect(body.parts).toEqual([]);
    expect(rollupPartCount(body.data)).toBe(0);
    expect(typeof body.data.rows).toBe('string');
    expect((body.data.rows as string).length).toBeGreaterThan(0);
  });

  it('refuses a head read without its parts, with the wrong number of them, or with rows of its own', () => {
    const body = encodeRollupWeekParts(big);
    expect(() => decodeRollupWeek(body.data, 'rw:2026-11-23')).toThrow(StoredRollupError);
    expect(() => decodeRollupWeek(body.data, 'rw:2026-11-23')).toThrow(/rw:2026-11-23.*parts/);
    expect(() => decodeRollupWeek(body.data, 'rw:2026-11-23', body.parts.slice(1))).toThrow(/parts \(\d+ expected, \d+ read\)/);
    // Parts out of order do not decode to a wrong week: the packed rows stop fitting.
    expect(() => decodeRollupWeek(body.data, 'rw:2026-11-23', [...body.parts].reverse())).toThrow(StoredRollupError);
    expect(() => decodeRollupWeek({ ...body.data, rows: 'AAAA' }, 'rw:2026-11-23', body.parts)).toThrow(/rows/);
    // A head of format 4 whose part count is out of range is malformed, not read as empty.
    expect(() => decodeRollupWeek({ ...body.data, parts: ROLLUP_MAX_PARTS + 100 }, 'rw:2026-11-23')).toThrow(/parts/);
  });

  it('still reads a format 3 week as it was stored', () => {
    const doc = wideWeek();
    const v3: Record<string, unknown> = { ...wire(doc), v: 3 };
    delete v3.parts;
    expect(rowsOf(decodeRollupWeek(v3, 'rw:2026-11-16'))).toEqual(rowsOf(doc));
  });

  it('refuses to encode a week more parts than a transaction holds, so nothing is stored half-way', () => {
    const huge = busyWeek(600, 12); // ~400,000 rows: past 16 parts of 200 KiB
    expect(() => encodeRollupWeekParts(huge)).toThrow(/rollup week 2026-11-23 needs \d+ parts/);
    expect(() => encodeRollupWeek(big)).toThrow(/needs \d+ parts/);
  });
});
