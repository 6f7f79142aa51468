import type { LocalPlatform } from '../../local/platform';
import { ACTIVITY_KINDS, sourceOfKind, type Activity } from '../../src/domain/activity';
import { getKvs } from '../../src/platform/forge-kvs';
import type { GadgetConfig, GadgetSummary } from '../../src/shared/gadget-contract';
import { createConfigRepository } from '../../src/store/config-repository';
import { ADMIN, LEAD, OUTSIDER, ROSTER, dayOffset, recentActivities, startGadgetPlatform, storeActivities } from './helpers/gadget-platform';

let p: LocalPlatform;
const startDay = new Date().toISOString().slice(0, 10);
const activities = recentActivities({ today: startDay, days: 70, count: 2500 });

beforeAll(async () => {
  p = await startGadgetPlatform();
  await storeActivities(activities);
  // The first invocation loads the app's code; keep that out of the timed tests.
  await p.runtime.invokeResolver('gadget-resolver', 'gadget/options', {}, { accountId: LEAD });
}, 120_000);
afterAll(async () => {
  await p?.close();
});

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; field?: string } };
const invoke = <T>(key: string, payload: unknown, accountId = LEAD) =>
  p.runtime.invokeResolver('gadget-resolver', key, payload, { accountId }) as Promise<Envelope<T>>;
const summaryOf = async (config: unknown, accountId = LEAD) => invoke<GadgetSummary>('gadget/summary', { config }, accountId);

/** The answer straight from the activity list, by the same day, people and kind rules. */
function oracle(config: GadgetConfig, today: string) {
  const t = config.target;
  const who = (a: Activity) =>
    t.type === 'all' ||
    (t.type === 'teammate' && a.teammateId === t.id) ||
    (t.type === 'team' && ROSTER.teammates.some((m) => m.id === a.teammateId && m.teamId === t.id));
  const from = dayOffset(today, -(config.rangeDays - 1));
  const prevFrom = dayOffset(from, -config.rangeDays);
  const picked = activities.filter((a) => who(a) && config.kinds.includes(a.kind));
  const inDays = (a: Activity, f: string, to: string) => a.at.slice(0, 10) >= f && a.at.slice(0, 10) <= to;
  const current = picked.filter((a) => inDays(a, from, today));
  const previous = picked.filter((a) => inDays(a, prevFrom, dayOffset(from, -1)));
  const count = (list: Activity[], pred: (a: Activity) => boolean) => list.filter(pred).length;
  return { from, prevFrom, current, previous, count };
}

function expectMatchesOracle(s: GadgetSummary, config: GadgetConfig) {
  // The resolver's own "today" (a run may cross midnight UTC); the counting is the oracle's.
  const today = s.range.to;
  expect([startDay, dayOffset(startDay, 1)]).toContain(today);
  const o = oracle(config, today);
  const kinds = ACTIVITY_KINDS.filter((k) => config.kinds.includes(k));
  expect(s.range).toEqual({ from: o.from, to: today, days: config.rangeDays });
  expect(s.previousRange).toEqual({ from: o.prevFrom, to: dayOffset(o.from, -1) });
  expect(s.kinds).toEqual(kinds);
  expect(s.totals).toEqual(
    kinds.map((kind) => ({ kind, count: o.count(o.current, (a) => a.kind === kind), previous: o.count(o.previous, (a) => a.kind === kind) })),
  );
  expect(s.total).toEqual({ count: o.current.length, previous: o.previous.length });
  for (const source of ['jira', 'confluence'] as const) {
    const mine = (a: Activity) => sourceOfKind(a.kind) === source;
    expect(s.bySource[source]).toEqual({ count: o.count(o.current, mine), previous: o.count(o.previous, mine) });
  }
  expect(s.perDay).toHaveLength(config.rangeDays * kinds.length);
  for (const cell of s.perDay) {
    expect(cell.count).toBe(o.count(o.current, (a) => a.kind === cell.kind && a.at.slice(0, 10) === cell.day));
  }
  expect(s.worklogSeconds).toBe(o.current.reduce((n, a) => n + (a.details.seconds ?? 0), 0));
  expect(o.current.length).toBeGreaterThan(0);
}

describe('gadget/summary on the local platform', () => {
  it('counts a team over 14 days for the chosen kinds, with the previous period, per day and per product', async () => {
    const config: GadgetConfig = {
      target: { type: 'team', id: 'platform' },
      rangeDays: 14,
      kinds: ['jira.issue.created', 'jira.comment', 'jira.worklog', 'confluence.page.updated'],
    };
    const r = await summaryOf(config);
    if (!r.ok) throw new Error(r.error.message);
    expectMatchesOracle(r.data, config);
    expect(r.data.target).toEqual({ type: 'team', id: 'platform', name: 'Platform', memberCount: 2 });
  });

  it('counts one teammate over 30 days across every kind', async () => {
    const config: GadgetConfig = { target: { type: 'teammate', id: 'cy' }, rangeDays: 30, kinds: [...ACTIVITY_KINDS] };
    const r = await summaryOf(config);
    if (!r.ok) throw new Error(r.error.message);
    expectMatchesOracle(r.data, config);
    expect(r.data.target).toEqual({ type: 'teammate', id: 'cy', name: 'Cy Dube', memberCount: 1 });
  });

  it('counts everyone over 7 days, including activity of teammates since removed, as the dashboard does', async () => {
    const config: GadgetConfig = { target: { type: 'all' }, rangeDays: 7, kinds: ['confluence.comment', 'jira.issue.resolved'] };
    const r = await summaryOf({ ...config, refresh: 15 }, ADMIN);
    if (!r.ok) throw new Error(r.error.message);
    expectMatchesOracle(r.data, config);
    expect(r.data.target).toMatchObject({ type: 'all', memberCount: ROSTER.teammates.length });
  });

  it('sends counts only: no title, link, key or place name of any activity', async () => {
    const r = await summaryOf({ target: { type: 'all' }, rangeDays: 30, kinds: [...ACTIVITY_KINDS] });
    const text = JSON.stringify(r);
    expect(r.ok).toBe(true);
    expect(text).not.toMatch(/Confidential|Secret|https?:|ENG-|GLX-|DOCS/);
  });

  it('refuses a viewer outside the allowed groups, naming the groups, before looking at the team', async () => {
    for (const config of [
      { target: { type: 'team', id: 'platform' }, rangeDays: 7, kinds: ['jira.comment'] },
      { target: { type: 'team', id: 'no-such-team' }, rangeDays: 7, kinds: ['jira.comment'] },
    ]) {
      const r = await summaryOf(config, OUTSIDER);
      expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('team-leads') } });
    }
    const o = await invoke('gadget/options', {}, OUTSIDER);
    expect(o).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('team-leads') } });
  });

  it.each([
    [{ target: { type: 'team', id: 'platform' }, rangeDays: 10, kinds: ['jira.comment'] }, 'config.rangeDays', 'Choose a range of 7, 14 or 30 days.'],
    [{ target: { type: 'team', id: 'platform' }, rangeDays: 7, kinds: [] }, 'config.kinds', 'Choose at least one kind of activity.'],
    [{ target: { type: 'team', id: 'platform' }, rangeDays: 7, kinds: ['jira.comment', 'jira.comment'] }, 'config.kinds', 'Each kind of activity may be chosen once.'],
    [{ target: { type: 'team', id: 'platform' }, rangeDays: 7, kinds: ['jira.like'] }, 'config.kinds.0', ''],
    [{ target: { type: 'squad', id: 'platform' }, rangeDays: 7, kinds: ['jira.comment'] }, 'config.target.type', ''],
    [{ target: { type: 'team', id: 'Platform Team!' }, rangeDays: 7, kinds: ['jira.comment'] }, 'config.target.id', 'The chosen team or teammate id is not valid.'],
    [{ target: { type: 'all' }, rangeDays: 7, kinds: ['jira.comment'], refresh: 5 }, 'config.refresh', 'Automatic refresh runs every 15 minutes or not at all.'],
    [undefined, 'config', ''],
  ])('rejects bad settings %# with a plain message at the field', async (config, field, message) => {
    const r = await summaryOf(config);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('BAD_REQUEST');
    expect(r.error.field).toBe(field);
    // Words, never the payload path (src/shared/field-messages.ts).
    expect(r.error.message).not.toContain('config');
    expect(r.error.message).not.toMatch(/Invalid|expected/);
    if (message) expect(r.error.message).toBe(message);
  });

  it('says which configured team or teammate no longer exists', async () => {
    const team = await summaryOf({ target: { type: 'team', id: 'retired' }, rangeDays: 7, kinds: ['jira.comment'] });
    expect(team).toEqual({ ok: false, error: { code: 'NOT_FOUND', field: 'config.target', message: expect.stringContaining('"retired" no longer exists') } });
    const mate = await summaryOf({ target: { type: 'teammate', id: 'gone' }, rangeDays: 7, kinds: ['jira.comment'] });
    expect(mate).toEqual({ ok: false, error: { code: 'NOT_FOUND', field: 'config.target', message: expect.stringContaining('"gone" is no longer tracked') } });
  });

  it('answers a broken stored roster with a plain error, no stack and no stored values', async () => {
    const config = createConfigRepository(getKvs());
    await getKvs().set('config:teammates', { v: 1, teammates: [{ id: 'ana', name: 'Ana Lima' }], teams: 'oops' });
    try {
      const r = await summaryOf({ target: { type: 'all' }, rangeDays: 7, kinds: ['jira.comment'] });
      expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on our side: try again.' } });
    } finally {
      await config.saveTeammates(ROSTER);
    }
    expect(await summaryOf({ target: { type: 'all' }, rangeDays: 7, kinds: ['jira.comment'] })).toMatchObject({ ok: true });
  });

  it('refuses a call without a signed-in user', async () => {
    const anon = await p.runtime.invokeResolver('gadget-resolver', 'gadget/options', {}, { accountId: undefined as unknown as string });
    expect(anon).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('gadget/options on the local platform', () => {
  it('lists teams with their sizes and the teammates, by name', async () => {
    const r = await invoke('gadget/options', {});
    expect(r).toEqual({
      ok: true,
      data: {
        teams: [
          { id: 'mobile', name: 'Mobile', memberCount: 1 },
          { id: 'platform', name: 'Platform', memberCount: 2 },
        ],
        teammates: [
          { id: 'ana', name: 'Ana Lima', teamId: 'platform' },
          { id: 'bo', name: 'Bo Chen', teamId: 'platform' },
          { id: 'cy', name: 'Cy Dube', teamId: 'mobile' },
          { id: 'dee', name: 'Dee Solo' },
        ],
      },
    });
  });

  it('rejects fields it does not take', async () => {
    const r = await invoke('gadget/options', 'everything');
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});

