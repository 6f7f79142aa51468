import { formatInstant, parseInstant, shiftInstant, zoneOffsetMinutes } from '../../local/fixtures/instant';
import { Random } from '../../local/fixtures/random';

describe('instants as Jira and Confluence write them', () => {
  it('parses Z, colon and compact offsets and formats them back unchanged', () => {
    for (const s of ['2026-11-02T09:00:00.000Z', '2026-11-02T09:00:00.000+05:30', '2026-11-02T09:00:00.000-0800', '2026-11-02T09:00:00+0000']) {
      const p = parseInstant(s);
      expect(formatInstant(p.ms, p.offsetMinutes, p.offsetStyle, p.hasMillis)).toBe(s);
    }
    expect(parseInstant('2026-11-02T09:00:00.000-0800').ms).toBe(Date.parse('2026-11-02T17:00:00.000Z'));
    expect(() => parseInstant('2026-11-02 09:00')).toThrow(/not an ISO 8601 instant/);
  });

  it('shifts across a day boundary keeping the written offset', () => {
    expect(shiftInstant('2026-11-02T23:30:00.000+0530', 3_600_000)).toBe('2026-11-03T00:30:00.000+0530');
    expect(shiftInstant('2026-11-02T23:30:00Z', -86_400_000)).toBe('2026-11-01T23:30:00Z');
  });

  it('knows zone offsets on both sides of a DST change', () => {
    // US DST ended on 1 Nov 2026 at 02:00 PDT (09:00 UTC)
    expect(zoneOffsetMinutes('America/Los_Angeles', Date.parse('2026-11-01T08:59:00Z'))).toBe(-420);
    expect(zoneOffsetMinutes('America/Los_Angeles', Date.parse('2026-11-01T09:00:00Z'))).toBe(-480);
    // EU DST ended on 25 Oct 2026 at 01:00 UTC
    expect(zoneOffsetMinutes('Europe/Berlin', Date.parse('2026-10-25T00:59:00Z'))).toBe(120);
    expect(zoneOffsetMinutes('Europe/Berlin', Date.parse('2026-10-25T01:00:00Z'))).toBe(60);
    expect(zoneOffsetMinutes('Asia/Kolkata', Date.parse('2026-07-01T00:00:00Z'))).toBe(330);
    expect(zoneOffsetMinutes('Australia/Sydney', Date.parse('2026-11-25T00:00:00Z'))).toBe(660);
    expect(zoneOffsetMinutes('UTC', 0)).toBe(0);
  });
});

describe('Random', () => {
  it('repeats for a seed, differs across seeds, and stays in range', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    const r = new Random(1);
    const ints = Array.from({ length: 2000 }, () => r.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const mean = Array.from({ length: 5000 }, () => r.count(6)).reduce((s, n) => s + n, 0) / 5000;
    expect(mean).toBeGreaterThan(5);
    expect(mean).toBeLessThan(7);
  });
});
