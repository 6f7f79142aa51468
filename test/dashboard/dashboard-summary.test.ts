import { dashboardResolverDefinition } from '../../src/entry/dashboard/definition';
import { containerKey, type Activity } from '../../src/domain/activity';
import { addDays, resolveRange } from '../../src/insights/date-range';
import type { DashboardContext, DashboardSummary } from '../../src/shared/dashboard-contract';
import { seededActivities, startDashboardEnv, USERS, type DashboardEnv } from './helpers/dashboard-env';

const today = () => new Date().toISOString().slice(0, 10);
const dayOf = (a: Activity) => a.at.slice(0, 10);

/** Expected numbers straight from the stored activities, not from the rollups the resolver reads. */
function expected(all: Activity[], from: string, to: string, pred: (a: Activity) => boolean = () => true) {
  const list = all.filter((a) => dayOf(a) >= from && dayOf(a) <= to && pred(a));
  return { count: list.length, seconds: list.reduce((n, a) => n + (a.details.seconds ?? 0), 0), list };
}

describe('dashboard/summary and dashboard/context over the local platform', () => {
  let env: DashboardEnv;
  let all: Activity[];
  beforeAll(async () => {
    env = await startDashboardEnv();
    await env.store(seededActivities(900, 200));
    all = await env.stored();
  });
  afterAll(() => env.close());

  async function summary(payload: unknown, who: string = USERS.lead): Promise<DashboardSummary> {
    const r = await env.call<DashboardSummary>('dashboard/summary', payload, who);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.data;
  }

  it('context: a team lead gets teams, teammates and data sources; an outsider gets only the reason', async () => {
    const lead = await env.call<DashboardContext>('dashboard/context', {}, USERS.lead);
    expect(lead.ok && lead.data.access.allowed).toBe(true);
    if (lead.ok) {
      expect(lead.data.teams.map((t) => t.id)).toEqual(['core', 'ops']);
      expect(lead.data.teammates.map((t) => t.name)).toEqual(['Ada Admin', 'Bo Builder', 'Cy Operator']);
      expect(lead.data.viewer.isAdmin).toBe(false);
    }
    const hugo = await env.call<DashboardContext>('dashboard/context', {}, USERS.hugo);
    expect(hugo.ok).toBe(true);
    if (hugo.ok) {
      expect(hugo.data.access.allowed).toBe(false);
      expect(hugo.data.access.reason).toContain('team-leads');
      expect(hugo.data.teammates).toEqual([]);
    }
    const admin = await env.call<DashboardContext>('dashboard/context', {}, USERS.admin);
    expect(admin.ok && admin.data.viewer.isAdmin).toBe(true);
  });

  it.each(['7d', '30d', '90d'] as const)('totals for %s and the previous period equal the stored activities', async (range) => {
    const s = await summary({ filters: { range } });
    const r = resolveRange({ range }, today());
    const cur = expected(all, r.from, r.to);
    const prev = expected(all, r.previousFrom, r.previousTo);
    expect(s.range).toEqual(r);
    expect(s.totals.count).toBe(cur.count);
    expect(s.totals.previous).toBe(prev.count);
    expect(s.totals.seconds).toBe(cur.seconds);
    for (const k of s.totals.byKind) expect(k.count).toBe(cur.list.filter((a) => a.kind === k.kind).length);
    expect(s.heatmap).toHaveLength(r.days);
    expect(s.empty).toBeNull();
  });

  it.each([
    ['team', { teamId: 'core' }, (a: Activity) => ['tm-a', 'tm-b'].includes(a.teammateId)],
    ['teammate', { teammateId: 'tm-c' }, (a: Activity) => a.teammateId === 'tm-c'],
    ['source', { source: 'confluence' }, (a: Activity) => a.source === 'confluence'],
    ['kind', { kind: 'jira.worklog' }, (a: Activity) => a.kind === 'jira.worklog'],
    ['data source', { dataSourceId: 'globex' }, (a: Activity) => a.dataSourceId === 'globex'],
    ['project', { container: 'host/project:10000' }, (a: Activity) => containerKey(a.dataSourceId, a.container) === 'host/project:10000'],
    ['team + source + kind', { teamId: 'core', source: 'jira', kind: 'jira.comment' }, (a: Activity) => ['tm-a', 'tm-b'].includes(a.teammateId) && a.kind === 'jira.comment'],
  ])('filter by %s', async (_name, f, pred) => {
    const s = await summary({ filters: { range: '90d', ...f } });
    const r = resolveRange({ range: '90d' }, today());
    const cur = expected(all, r.from, r.to, pred);
    expect(cur.count).toBeGreaterThan(0);
    expect(s.totals.count).toBe(cur.count);
    expect(s.totals.previous).toBe(expected(all, r.previousFrom, r.previousTo, pred).count);
    expect(s.teammates.reduce((n, t) => n + t.total, 0)).toBe(cur.count);
  });

  it('a custom range, weekly buckets split by teammate', async () => {
    const from = addDays(today(), -40);
    const to = addDays(today(), -10);
    const s = await summary({ filters: { range: 'custom', from, to }, bucket: 'week', split: 'teammate' });
    expect(s.range.days).toBe(31);
    expect(s.series.starts[0]).toBe(from);
    for (const st of s.series.stacks) {
      expect(st.values.reduce((a, b) => a + b, 0)).toBe(expected(all, from, to, (a) => a.teammateId === st.key).count);
    }
  });

  it('the teammate table lists every teammate alphabetically with counts, hours and last active day', async () => {
    const s = await summary({ filters: { range: '30d' } });
    const r = resolveRange({ range: '30d' }, today());
    expect(s.teammates.map((t) => t.teammateId)).toEqual(['tm-a', 'tm-b', 'tm-c']);
    for (const row of s.teammates) {
      const mine = expected(all, r.from, r.to, (a) => a.teammateId === row.teammateId);
      expect(row.total).toBe(mine.count);
      expect(row.seconds).toBe(mine.seconds);
      const last = expected(all, r.previousFrom, r.to, (a) => a.teammateId === row.teammateId).list.map(dayOf).sort().at(-1) ?? null;
      expect(row.lastActive).toBe(last);
    }
  });

  it("places the viewer cannot browse are counted but not named (per the host's permissions)", async () => {
    const r = resolveRange({ range: '90d' }, today());
    const rita = await summary({ filters: { range: '90d' } }, USERS.rita);
    const lead = await summary({ filters: { range: '90d' } }, USERS.lead);
    const secret = expected(all, r.from, r.to, (a) => a.dataSourceId === 'host' && a.container.id === '10001').count;
    const hr = expected(all, r.from, r.to, (a) => a.dataSourceId === 'host' && a.container.id === '30001').count;
    expect(rita.containers.find((c) => c.key === 'restricted:project')?.count).toBe(secret);
    expect(rita.containers.find((c) => c.key === 'restricted:space')?.count).toBe(hr);
    expect(rita.containers.map((c) => c.name)).not.toContain('Security');
    expect(rita.containerOptions.map((o) => o.key)).not.toContain('host/project:10001');
    expect(lead.containers.map((c) => c.name)).toEqual(expect.arrayContaining(['Security', 'People', 'Globex']));
    // Counts are the same for both: restriction hides names, never activity.
    expect(rita.totals).toEqual(lead.totals);
  });

  it("another site's titles are for Jira admins and the groups allowed for that site", async () => {
    const at = '2026-01-01T00:00:00.000Z';
    await env.saveDataSource({ id: 'globex', kind: 'cloud', name: 'Globex', enabled: true, jiraUrl: 'https://globex.atlassian.net', tokenKind: 'classic', createdAt: at, updatedAt: at, viewGroups: ['secret-keepers'] });
    const named = async (who: string) => (await summary({ filters: { range: '90d', dataSourceId: 'globex' } }, who)).containers.map((c) => c.name);
    expect(await named(USERS.lead)).toEqual(['Globex']);
    expect(await named(USERS.admin)).toEqual(['Globex']);
    expect(await named(USERS.rita)).toEqual([null]);
    const feed = await env.call<{ events: { title: string | null; restricted: string | null }[] }>('dashboard/feed', { filters: { range: '90d', dataSourceId: 'globex' } }, USERS.rita);
    expect(feed.ok && feed.data.events.length).toBeGreaterThan(0);
    if (feed.ok) for (const e of feed.data.events) expect(e).toMatchObject({ title: null, restricted: 'permission' });
    // Without groups of its own, another site follows the dashboard groups.
    await env.saveDataSource({ id: 'globex', kind: 'cloud', name: 'Globex', enabled: true, jiraUrl: 'https://globex.atlassian.net', tokenKind: 'classic', createdAt: at, updatedAt: at });
    expect(await named(USERS.rita)).toEqual(['Globex']);
  });

  it('activity of a data source that is no longer configured is counted but named to nobody, admins included', async () => {
    const gone = seededActivities(30, 20, 31).map((a) => ({ ...a, id: a.id.replace(/^(jira|confluence):[^:]+:/, '$1:ds-gone:'), dataSourceId: 'ds-gone' }));
    await env.store(gone);
    try {
      for (const who of [USERS.admin, USERS.lead]) {
        const s = await summary({ filters: { range: '90d', dataSourceId: 'ds-gone' } }, who);
        expect(s.totals.count).toBe(gone.length);
        expect(s.containers.map((c) => c.name)).toEqual(s.containers.map(() => null));
        const feed = await env.call<{ events: { title: string | null; url: string | null; restricted: string | null }[] }>('dashboard/feed', { filters: { range: '90d', dataSourceId: 'ds-gone' }, limit: 100 }, who);
        expect(feed.ok && feed.data.events.length).toBe(gone.length);
        if (feed.ok) for (const e of feed.data.events) expect(e).toMatchObject({ title: null, url: null, restricted: 'permission' });
      }
    } finally {
      await env.purgeSource('ds-gone');
    }
  });

  it('a viewer outside the allowed groups is refused', async () => {
    const r = await env.call('dashboard/summary', { filters: { range: '30d' } }, USERS.hugo);
    expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('team-leads') } });
    const anon = await env.call('dashboard/summary', { filters: { range: '30d' } }, undefined);
    expect(anon.ok).toBe(false);
  });

  it('the groups chosen on the admin page decide; Jira admins always get in', async () => {
    await env.setSettings({ dashboardGroups: ['secret-keepers'] });
    try {
      expect((await env.call('dashboard/summary', { filters: {} }, USERS.rita)).ok).toBe(false);
      expect((await env.call('dashboard/summary', { filters: {} }, USERS.lead)).ok).toBe(true);
      expect((await env.call('dashboard/summary', { filters: {} }, USERS.admin)).ok).toBe(true);
    } finally {
      await env.setSettings({});
    }
  });

  it.each([
    [{ filters: { range: '14d' } }, 'filters.range'],
    [{ filters: { range: 'custom', from: '2026-01-10' } }, 'filters.to'],
    [{ filters: { range: 'custom', from: '2026-02-10', to: '2026-01-10' } }, 'filters.to'],
    [{ filters: { range: 'custom', from: '2024-01-01', to: '2026-01-10' } }, 'filters.to'],
    [{ filters: { range: 'custom', from: '2026-02-30', to: '2026-03-10' } }, 'filters.from'],
    [{ filters: { kind: 'jira.vote' } }, 'filters.kind'],
    [{ filters: { teamId: 'nope' } }, 'filters.teamId'],
    [{ filters: { teamId: 'ops', teammateId: 'tm-a' } }, 'filters.teammateId'],
    [{ filters: { container: '../etc' } }, 'filters.container'],
    [{ filters: {}, bucket: 'hour' }, 'bucket'],
    [{ filters: {}, extra: 1 }, undefined],
    [{}, 'filters'],
  ])('bad input %j gets a field error', async (payload, field) => {
    const r = await env.call('dashboard/summary', payload, USERS.lead);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('BAD_REQUEST');
      expect(r.error.field).toBe(field);
      expect(r.error.message.length).toBeGreaterThan(5);
    }
  });

  it('unknown keys are refused plainly by the dispatcher (Forge itself rejects undefined keys)', async () => {
    const r = await dashboardResolverDefinition.dispatch('dashboard/drop', {}, { accountId: USERS.lead }, {} as never);
    expect(r).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'Unknown dashboard action dashboard/drop' } });
  });
});
