import { ACTIVITY_KINDS, containerKey, type Activity } from '../../src/domain/activity';
import { addDays, resolveRange } from '../../src/insights/date-range';
import { SummaryAccumulator, type SummaryScope } from '../../src/insights/summary-accumulator';
import { shapeSummary, REMOVED_TEAMMATE_LABEL } from '../../src/insights/summary-shape';
import { generateActivity, randomActivities, rollupsOf } from './helpers/activities';

const TODAY = '2026-11-25';
const allKinds = new Set(ACTIVITY_KINDS);

function summarize(activities: Activity[], scope: Partial<SummaryScope> & Pick<SummaryScope, 'range'>, opts: Partial<Parameters<typeof shapeSummary>[1]> = {}) {
  const full: SummaryScope = { teammateIds: null, kinds: allKinds, ...scope };
  const acc = new SummaryAccumulator(full);
  for (const doc of rollupsOf(activities)) acc.add(doc);
  return shapeSummary(acc, {
    bucket: 'day',
    split: 'kind',
    roster: [
      { id: 'tm-a', name: 'Ada' },
      { id: 'tm-b', name: 'Bo' },
      { id: 'tm-c', name: 'Cy' },
    ],
    includeUnrostered: true,
    kinds: full.kinds,
    canSee: () => true,
    ...opts,
  });
}

/** The naive answer straight from the activity list: what the rollup path must agree with. */
function naiveCount(activities: Activity[], from: string, to: string, pred: (a: Activity) => boolean = () => true) {
  const inRange = activities.filter((a) => a.at.slice(0, 10) >= from && a.at.slice(0, 10) <= to && pred(a));
  return { count: inRange.length, seconds: inRange.reduce((s, a) => s + (a.details.seconds ?? 0), 0), list: inRange };
}

describe('dashboard summary from weekly rollups', () => {
  const acts = randomActivities({ count: 3000, fromDay: '2026-07-01', days: 148, teammates: ['tm-a', 'tm-b', 'tm-c', 'tm-gone'] });

  it.each(['7d', '30d', '90d'] as const)('totals per kind and previous period match the activities for %s', (preset) => {
    const range = resolveRange({ range: preset }, TODAY);
    const s = summarize(acts, { range });
    const cur = naiveCount(acts, range.from, range.to);
    const prev = naiveCount(acts, range.previousFrom, range.previousTo);
    expect(s.totals.count).toBe(cur.count);
    expect(s.totals.previous).toBe(prev.count);
    expect(s.totals.seconds).toBe(cur.seconds);
    expect(s.totals.previousSeconds).toBe(prev.seconds);
    for (const row of s.totals.byKind) {
      expect(row.count).toBe(cur.list.filter((a) => a.kind === row.kind).length);
      expect(row.previous).toBe(prev.list.filter((a) => a.kind === row.kind).length);
    }
    expect(cur.count).toBeGreaterThan(0);
  });

  it('previous period is the same length just before the range', () => {
    const r = resolveRange({ range: '30d' }, TODAY);
    expect(r).toEqual({ from: '2026-10-27', to: TODAY, days: 30, previousFrom: '2026-09-27', previousTo: '2026-10-26' });
    const c = resolveRange({ range: 'custom', from: '2026-11-02', to: '2026-11-08' }, TODAY);
    expect(c.previousFrom).toBe('2026-10-26');
    expect(c.previousTo).toBe('2026-11-01');
  });

  it('filters by teammate set, kind set, data source and container', () => {
    const range = resolveRange({ range: '90d' }, TODAY);
    const ck = containerKey('host', { type: 'project', id: '10001' });
    const s = summarize(acts, {
      range,
      teammateIds: new Set(['tm-a', 'tm-b']),
      kinds: new Set(['jira.comment', 'jira.worklog'] as const),
      dataSourceId: 'host',
      containerKey: ck,
    });
    const pred = (a: Activity) =>
      ['tm-a', 'tm-b'].includes(a.teammateId) &&
      ['jira.comment', 'jira.worklog'].includes(a.kind) &&
      a.dataSourceId === 'host' &&
      containerKey(a.dataSourceId, a.container) === ck;
    const cur = naiveCount(acts, range.from, range.to, pred);
    expect(s.totals.count).toBe(cur.count);
    expect(s.totals.seconds).toBe(cur.seconds);
    expect(s.totals.byKind.map((k) => k.kind)).toEqual(['jira.comment', 'jira.worklog']);
    expect(s.containers.map((c) => c.key)).toEqual([ck]);
  });

  it('series sums to the totals per day and per week, stacked by kind or split by teammate', () => {
    const range = resolveRange({ range: 'custom', from: '2026-10-01', to: '2026-10-31' }, TODAY);
    const day = summarize(acts, { range });
    expect(day.series.starts).toHaveLength(31);
    const perDay = day.series.starts.map((_, i) => day.series.stacks.reduce((n, st) => n + st.values[i], 0));
    expect(perDay).toEqual(day.heatmap.map((h) => h.count));
    for (const [i, d] of day.series.starts.entries()) expect(perDay[i]).toBe(naiveCount(acts, d, d).count);

    const week = summarize(acts, { range }, { bucket: 'week', split: 'teammate' });
    // 2026-10-01 is a Thursday: a partial first week, then Mondays.
    expect(week.series.starts).toEqual(['2026-10-01', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26']);
    for (const st of week.series.stacks) {
      const mine = naiveCount(acts, range.from, range.to, (a) => a.teammateId === st.key).count;
      expect(st.values.reduce((a, b) => a + b, 0)).toBe(mine);
    }
    const w2 = week.series.stacks.reduce((n, st) => n + st.values[1], 0);
    expect(w2).toBe(naiveCount(acts, '2026-10-05', '2026-10-11').count);
  });

  it('by-teammate chart: the 8 busiest people plus "others", never a quiet one; partial weeks marked', () => {
    const people = Array.from({ length: 11 }, (_, i) => `tm-${i}`);
    const roster = [...people, 'tm-quiet'].map((id) => ({ id, name: `Person ${id}` }));
    // tm-i acts i+1 times in October; tm-quiet never
    const list = people.flatMap((id, i) =>
      Array.from({ length: i + 1 }, (_, n) => generateActivity({ kind: 'jira.comment', teammateId: id, at: `2026-10-${String(2 + n).padStart(2, '0')}T10:00:00.000Z` })),
    );
    const range = resolveRange({ range: 'custom', from: '2026-10-01', to: '2026-10-31' }, TODAY);
    const s = summarize(list, { range }, { bucket: 'week', split: 'teammate', roster });
    const keys = s.series.stacks.map((st) => st.key);
    expect(keys).toEqual(['tm-10', 'tm-9', 'tm-8', 'tm-7', 'tm-6', 'tm-5', 'tm-4', 'tm-3', 'others']);
    expect(s.series.stacks.at(-1)!.label).toBe('3 others');
    expect(s.series.stacks.at(-1)!.values.reduce((a, b) => a + b, 0)).toBe(1 + 2 + 3);
    expect(keys).not.toContain('tm-quiet');
    const chartTotal = s.series.stacks.reduce((n, st) => n + st.values.reduce((a, b) => a + b, 0), 0);
    expect(chartTotal).toBe(list.length);
    // 2026-10-01 is a Thursday and 2026-10-31 a Saturday: both end weeks are partial
    expect(s.series.partial).toEqual([true, false, false, false, true]);
    expect(summarize(list, { range }, { bucket: 'day' }).series.partial.every((p) => !p)).toBe(true);
  });

  it('teammate table: alphabetical, quiet teammates listed, removed ones labelled, hours and last active', () => {
    const list = [
      generateActivity({ teammateId: 'tm-b', kind: 'jira.worklog', at: '2026-11-24T08:00:00.000Z', details: { seconds: 5400 } }),
      generateActivity({ teammateId: 'tm-b', kind: 'jira.comment', at: '2026-11-20T08:00:00.000Z' }),
      generateActivity({ teammateId: 'tm-a', kind: 'jira.comment', at: '2026-10-01T08:00:00.000Z' }), // previous period only
      generateActivity({ teammateId: 'tm-gone', kind: 'confluence.page.created', at: '2026-11-22T23:59:59.000Z' }),
    ];
    const s = summarize(list, { range: resolveRange({ range: '30d' }, TODAY) });
    expect(s.teammates.map((t) => t.name)).toEqual(['Ada', 'Bo', 'Cy', REMOVED_TEAMMATE_LABEL]);
    const bo = s.teammates.find((t) => t.teammateId === 'tm-b')!;
    expect(bo).toMatchObject({ total: 2, seconds: 5400, lastActive: '2026-11-24' });
    expect(bo.counts['jira.worklog']).toBe(1);
    expect(s.teammates.find((t) => t.teammateId === 'tm-a')).toMatchObject({ total: 0, lastActive: '2026-10-01' });
    expect(s.teammates.find((t) => t.teammateId === 'tm-c')).toMatchObject({ total: 0, lastActive: null });
    expect(s.teammates.find((t) => t.teammateId === 'tm-gone')?.lastActive).toBe('2026-11-22');
  });

  it('places the viewer may not browse are counted together without a name', () => {
    const range = resolveRange({ range: '90d' }, TODAY);
    const s = summarize(acts, { range }, { canSee: (c) => !(c.dataSourceId === 'host' && c.id === '10001') });
    const hidden = naiveCount(acts, range.from, range.to, (a) => a.dataSourceId === 'host' && a.container.id === '10001').count;
    const row = s.containers.find((c) => c.key === 'restricted:project');
    expect(row).toMatchObject({ name: null, containerKey: null, count: hidden });
    expect(s.containers.some((c) => c.name === 'Beta')).toBe(false);
    expect(s.containerOptions.some((o) => o.label.includes('Beta'))).toBe(false);
    expect(s.containers.reduce((n, c) => n + c.count, 0)).toBe(naiveCount(acts, range.from, range.to).count);
  });

  it('the heatmap has every day of the range, edges included', () => {
    const list = [
      generateActivity({ at: '2026-11-19T00:00:00.000Z' }),
      generateActivity({ at: '2026-11-25T23:59:59.999Z' }),
      generateActivity({ at: '2026-11-18T23:59:59.999Z' }), // the day before a 7-day range
    ];
    const s = summarize(list, { range: resolveRange({ range: '7d' }, TODAY) });
    expect(s.heatmap.map((h) => h.day)).toEqual(Array.from({ length: 7 }, (_, i) => addDays('2026-11-19', i)));
    expect(s.heatmap[0].count).toBe(1);
    expect(s.heatmap[6].count).toBe(1);
    expect(s.totals.previous).toBe(1);
  });
});
