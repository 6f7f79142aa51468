import type { LocalPlatform } from '../../local/platform';
import type { StoreSnapshot } from '../../local/kvs/store';
import { ENTITY, KEY } from '../../src/store/keys';
import { decodeRollupWeek, forEachRollupRow, ROLLUP_WEEK_VERSION } from '../../src/store/rollup-week-format';
import { startTestPlatform } from '../helpers/test-platform';
import { diffActivities } from '../oracle/diff-activities';
import { teammateMappingFromFixture } from '../oracle/teammate-mapping';
import { DAY, inApp, oracle, rollupComparison, siteEndingNow, stored, sync } from '../sync/helpers';

jest.setTimeout(240_000);

type Json = Record<string, unknown>;
const omitV = (v: unknown): Json => {
  const { v: _v, ...rest } = v as Json;
  return rest;
};

/**
 * What the app wrote before stored formats carried versions (format 1 everywhere), made from
 * what today's app writes: the exact shapes the previous code put in KVS. Settings, teammates,
 * cursors, purge jobs and permission cache entries already said `v: 1`; the others said nothing;
 * the schedule was a bare number; a rollup week's rows were one array each.
 */
function asFormat1(s: StoreSnapshot): StoreSnapshot {
  const plain = s.plain.map(([key, rec]): [string, typeof rec] => {
    const value = rec.value as Json;
    if (key === KEY.syncSchedule && typeof value === 'object') return [key, { ...rec, value: value.startedMs }];
    if (key.startsWith(KEY.dataSourcePrefix)) {
      // Format 1 had no token kind: every token was a classic one.
      const { tokenKind: _k, cloudId: _c, ...v1 } = omitV(value);
      return [key, { ...rec, value: v1 }];
    }
    if (key.startsWith('sync:active:') || key.startsWith(KEY.rollupDirtyPrefix) || key.startsWith('lease:')) {
      return [key, { ...rec, value: omitV(value) }];
    }
    return [key, rec];
  });
  const entities: StoreSnapshot['entities'] = {};
  for (const [name, rows] of Object.entries(s.entities)) {
    entities[name] = rows.map(([key, rec]) => {
      const row = rec.value as Json;
      if (name === ENTITY.activity || name === ENTITY.syncRun) return [key, { ...rec, value: { ...row, doc: omitV(row.doc) } }];
      if (name === ENTITY.rollupWeek && (row.data as Json).v !== 1) {
        const { rowCount: _n, ...data } = row.data as Json;
        const tuples: number[][] = [];
        forEachRollupRow(decodeRollupWeek(row.data, key), (...r) => void tuples.push(r));
        return [key, { ...rec, value: { ...row, data: { ...data, v: 1, rows: tuples } } }];
      }
      return [key, rec];
    });
  }
  return { ...s, plain, entities };
}

/** What the previous version wrote for rollup weeks (format 2: the rows as one flat array). */
function asRollupFormat2(s: StoreSnapshot): StoreSnapshot {
  const entities: StoreSnapshot['entities'] = { ...s.entities };
  entities[ENTITY.rollupWeek] = (s.entities[ENTITY.rollupWeek] ?? []).map(([key, rec]) => {
    const row = rec.value as Json;
    const { rowCount: _n, ...data } = row.data as Json;
    const flat: number[] = [];
    forEachRollupRow(decodeRollupWeek(row.data, key), (...r) => void flat.push(...r));
    return [key, { ...rec, value: { ...row, data: { ...data, v: 2, rows: flat } } }];
  });
  return { ...s, entities };
}

/**
 * An installation upgraded in place: KVS holds what the previous version wrote. The store
 * reads it (migrating on read), the dashboard shows the same, and the next sync carries on from
 * the stored cursors and rewrites what it touches in today's formats.
 */
describe('stored formats written before versions (format 1)', () => {
  const fixture = siteEndingNow({ seed: 57, issues: 60, pages: 12, users: 5, days: 20 });
  const mapping = teammateMappingFromFixture(fixture, { idOf: (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') });
  const admin = fixture.roles!.admin;
  let platform: LocalPlatform;

  const dashboard = async () => {
    const call = (key: string, payload: unknown) => platform.runtime.invokeResolver('dashboard-resolver', key, payload, { accountId: admin });
    return {
      summary: await call('dashboard/summary', { filters: { range: '30d' } }),
      feed: await call('dashboard/feed', { filters: { range: '30d' }, limit: 25 }),
    };
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [fixture] });
    await inApp(platform, async (d) => {
      await d.config.ensureHostDataSource(async () => ({ siteUrl: `https://${fixture.name}.atlassian.net`, hasConfluence: true }));
      await d.config.saveTeammates({
        teams: [],
        teammates: [...mapping].map(([accountId, id]) => ({ id, name: id, externalIds: [{ dataSourceId: '*', type: 'accountId' as const, value: accountId }], mappedAt: new Date(Date.now() - DAY).toISOString() })),
      });
      await d.syncState.setLastScheduledStart(Date.now());
    });
  });
  afterAll(() => platform.close());

  it('reads as before, and the next sync carries on and writes today’s formats', async () => {
    await sync(platform, { reason: 'manual' });
    const before = await dashboard();
    expect(before.summary).toMatchObject({ ok: true });
    expect(before.feed).toMatchObject({ ok: true });
    const activitiesBefore = await stored(platform);
    expect(activitiesBefore.length).toBeGreaterThan(0);

    platform.kvs.store.restore(asFormat1(platform.kvs.store.snapshot()));
    const old = platform.kvs.dump();
    expect(Object.values(old.entities[ENTITY.rollupWeek]).every((r) => (r as { data: { v: number } }).data.v === 1)).toBe(true);
    expect(typeof old.plain[KEY.syncSchedule]).toBe('number');

    // Read: the same answers from the old formats.
    expect(await dashboard()).toEqual(before);
    expect(await stored(platform)).toEqual(activitiesBefore);
    expect(await inApp(platform, (d) => d.syncState.lastScheduledStart())).toBe(old.plain[KEY.syncSchedule]);
    const cursorsBefore = await inApp(platform, (d) => d.cursors.get('host', 'jira-issues'));
    expect(cursorsBefore.watermarkMs).toBeGreaterThan(0);

    // The next sync: incremental from the old cursors, the same activities, exact rollups.
    const runs = await sync(platform, { reason: 'manual' });
    expect(runs.map((r) => r.status)).toEqual(['succeeded']);
    expect(runs[0].window.sinceMs).toBeLessThan(runs[0].window.untilMs);
    const untilMs = runs[0].window.untilMs;
    const diff = diffActivities(oracle(fixture, mapping, untilMs - 90 * DAY, untilMs), await stored(platform));
    if (!diff.equal) throw new Error(diff.report(10));
    const rollups = await rollupComparison(platform);
    expect(rollups.actual).toEqual(rollups.expected);
    const again = await dashboard();
    expect((again.summary as { data: { totals: unknown } }).data.totals).toEqual((before.summary as { data: { totals: unknown } }).data.totals);

    // What the sync wrote is in today's formats.
    const after = platform.kvs.dump();
    expect((after.plain[KEY.cursor('host', 'jira-issues')] as Json).v).toBe(1);
    const runRows = Object.values(after.entities[ENTITY.syncRun]) as { doc: Json }[];
    expect(runRows.some((r) => r.doc.v === 1)).toBe(true);
  });

  it('a recount rewrites an old week in today’s format', async () => {
    platform.kvs.store.restore(asFormat1(platform.kvs.store.snapshot()));
    const week = Object.keys(platform.kvs.dump().entities[ENTITY.rollupWeek]).sort().pop()!.slice('rw:'.length);
    await inApp(platform, (d) => d.rollups.recountWeek(week));
    const row = platform.kvs.dump().entities[ENTITY.rollupWeek][KEY.rollupWeek(week)] as { data: { v: number; rows: unknown } };
    expect(row.data.v).toBe(ROLLUP_WEEK_VERSION);
    expect(typeof row.data.rows).toBe('string');
    expect(await dashboard()).toMatchObject({ summary: { ok: true }, feed: { ok: true } });
  });

  it('rollup weeks of format 2 (flat rows) give the same summaries, and are rewritten packed', async () => {
    const requests = [
      { filters: { range: '30d' } },
      { filters: { range: '90d' }, split: 'teammate', bucket: 'week' },
      { filters: { range: '7d', kind: 'jira.worklog' } },
      { filters: { range: '30d', source: 'confluence' } },
    ];
    const summaries = () => Promise.all(requests.map((r) => platform.runtime.invokeResolver('dashboard-resolver', 'dashboard/summary', r, { accountId: admin })));
    const today = await summaries();
    for (const s of today) expect(s).toMatchObject({ ok: true });
    expect((today[0] as { data: { totals: { count: number } } }).data.totals.count).toBeGreaterThan(0);

    platform.kvs.store.restore(asRollupFormat2(platform.kvs.store.snapshot()));
    const weeks = platform.kvs.dump().entities[ENTITY.rollupWeek] as Record<string, { data: { v: number; rows: unknown } }>;
    expect(Object.values(weeks).every((r) => r.data.v === 2 && Array.isArray(r.data.rows))).toBe(true);
    expect(await summaries()).toEqual(today);

    // Every week recounted: written in today's format, the summaries unchanged.
    await inApp(platform, (d) => Promise.all(Object.keys(weeks).map((k) => d.rollups.recountWeek(k.slice('rw:'.length)))));
    const after = platform.kvs.dump().entities[ENTITY.rollupWeek] as Record<string, { data: { v: number; rows: unknown } }>;
    expect(Object.values(after).every((r) => r.data.v === ROLLUP_WEEK_VERSION && typeof r.data.rows === 'string')).toBe(true);
    expect(await summaries()).toEqual(today);
  });
});
