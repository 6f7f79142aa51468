import { diagnose, type DiagnosticsInput } from '../../src/admin/diagnostics';
import { DEFAULT_SETTINGS, type DataSource, type Teammate } from '../../src/domain/config';
import type { SyncRunView } from '../../src/shared/admin-contract';
import { startAdminEnv, type AdminEnv } from './helpers/admin-env';

const AT = '2026-11-20T10:00:00.000Z';

function run(over: Partial<SyncRunView> = {}): SyncRunView {
  return {
    id: 'r1', dataSourceId: 'host', dataSourceName: 'acme', reason: 'scheduled', status: 'succeeded', startedAt: AT, finishedAt: AT, durationMs: 1000,
    progress: { streamsDone: 4, streamsTotal: 4, pages: 3, activities: 12 }, countsByKind: { 'jira.comment': 12 }, restCalls: 9, rateLimited: 0, errors: [], streams: [],
    ...over,
  };
}

describe('settings', () => {
  let env: AdminEnv;
  beforeEach(async () => {
    env = await startAdminEnv();
  });
  afterEach(() => env.close());

  it('reads the defaults, then saves the schedule without touching access', async () => {
    expect(await env.call('settings/get', {})).toEqual({ ok: true, data: DEFAULT_SETTINGS });
    const r = await env.call('settings/save-sync', { syncIntervalMinutes: 15, historyDays: 30 });
    expect(r).toEqual({ ok: true, data: { ...DEFAULT_SETTINGS, syncIntervalMinutes: 15, historyDays: 30 } });
    expect(await env.config.getSettings()).toMatchObject({ syncIntervalMinutes: 15, historyDays: 30, dashboardGroups: DEFAULT_SETTINGS.dashboardGroups });
  });

  it('saves who may open the dashboard and privacy mode, checking each group exists', async () => {
    const r = await env.call('settings/save-access', { dashboardGroups: ['team-leads', ' team-leads ', 'jira-administrators'], privacyMode: true });
    expect(r).toMatchObject({ ok: true, data: { dashboardGroups: ['team-leads', 'jira-administrators'], privacyMode: true } });
    const bad = await env.call('settings/save-access', { dashboardGroups: ['team-leads', 'team-laeds'], privacyMode: false });
    expect(bad).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'There is no group called "team-laeds" on this site.', field: 'dashboardGroups.1' } });
    expect((await env.config.getSettings()).privacyMode).toBe(true);
  });

  it('points at the row the admin typed, skipping empty rows and duplicates', async () => {
    const r = await env.call('settings/save-access', { dashboardGroups: ['team-leads', '', 'TEAM-LEADS', 'nope'], privacyMode: false });
    expect(r).toMatchObject({ ok: false, error: { field: 'dashboardGroups.3' } });
    const many = await env.call('settings/save-access', { dashboardGroups: Array.from({ length: 21 }, (_, i) => `g${i}`), privacyMode: false });
    expect(many).toMatchObject({ ok: false, error: { field: 'dashboardGroups', message: 'List at most 20 groups.' } });
  });
});

describe('sync status, cancel and history', () => {
  let env: AdminEnv;
  beforeEach(async () => {
    env = await startAdminEnv();
  });
  afterEach(() => env.close());

  it('passes the runs in flight, cancel and history through the contract', async () => {
    env.sync.runs.push(run({ id: 'r2', status: 'running', finishedAt: undefined, progress: { streamsDone: 1, streamsTotal: 4, pages: 1, activities: 2, etaSec: 30 } }), run());
    expect(await env.call('sync/status', {})).toMatchObject({ ok: true, data: { running: [{ id: 'r2', progress: { streamsDone: 1, etaSec: 30 } }] } });
    expect(await env.call('sync/cancel', { runId: 'r2' })).toEqual({ ok: true, data: { cancelled: true } });
    expect(await env.call('sync/cancel', { runId: 'r1' })).toEqual({ ok: true, data: { cancelled: false } });
    const h = await env.call('sync/history', { limit: 1 });
    expect(h.ok && (h.data as { runs: unknown[] }).runs).toHaveLength(1);
  });

  it('computes diagnostics from the stored state', async () => {
    await env.call('sources/list', {});
    const r = await env.call('sync/diagnostics', {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const ids = (r.data as { findings: { id: string }[] }).findings.map((f) => f.id);
    expect(ids).toEqual(['no-teammates', 'never:host']);
  });
});

describe('diagnose', () => {
  const host: DataSource = { id: 'host', kind: 'host', name: 'acme', enabled: true, jiraUrl: 'https://acme.atlassian.net', createdAt: AT, updatedAt: AT };
  const other: DataSource = { ...host, id: 'ds-1', kind: 'cloud', tokenKind: 'classic', name: 'Globex', jiraUrl: 'https://globex.atlassian.net' };
  const tm = (name: string, externalIds: Teammate['externalIds']): Teammate => ({ id: `tm-${name}`, name, externalIds, mappedAt: AT });
  const base = (over: Partial<DiagnosticsInput> = {}): DiagnosticsInput => ({
    sources: [host],
    teammates: { teams: [], teammates: [tm('Lee', [{ dataSourceId: '*', type: 'accountId', value: 'u-lead' }])] },
    settings: DEFAULT_SETTINGS,
    runs: [run()],
    ...over,
  });
  const ids = (input: DiagnosticsInput) => diagnose(input).map((f) => f.id);

  it('finds nothing when sources work, people are mapped and runs found activity', () => {
    expect(diagnose(base())).toEqual([]);
  });

  it('says nobody is mapped', () => {
    expect(ids(base({ teammates: { teams: [], teammates: [] } }))).toEqual(['no-teammates']);
  });

  it('names teammates with no account on a source and emails that did not resolve, with why', () => {
    const teammates = [
      tm('Lee', [{ dataSourceId: 'host', type: 'accountId', value: 'u-lead' }]),
      tm('Pia', [{ dataSourceId: 'ds-1', type: 'email', value: 'pia@globex.test', resolutions: { 'ds-1': { status: 'hidden', checkedAt: AT } } }]),
    ];
    const found = diagnose(base({ sources: [host, other], teammates: { teams: [], teammates }, runs: [run(), run({ id: 'r3', dataSourceId: 'ds-1' })] }));
    expect(found.map((f) => f.id)).toEqual(['unmapped:host', 'unmapped:ds-1', 'email-hidden:ds-1']);
    expect(found[2]).toMatchObject({ title: expect.stringContaining("hidden by the person's profile settings"), detail: expect.stringMatching(/Pia \(pia@globex.test\).*people search/) });
  });

  it('names an unresolved email once, under its reason, not also as "no account"', () => {
    const teammates = [
      tm('Sam', [{ dataSourceId: 'host', type: 'email', value: 'sam@acme.test', resolutions: { host: { status: 'resolved', accountId: 'u-sam', checkedAt: AT } } }]),
      tm('Pia', [{ dataSourceId: 'host', type: 'email', value: 'pia@acme.test', resolutions: { host: { status: 'not-found', checkedAt: AT } } }]),
    ];
    const found = diagnose(base({ teammates: { teams: [], teammates } }));
    expect(found.map((f) => f.id)).toEqual(['email-not-found:host']);
    expect(found[0].title).toContain('email matches no user');
  });

  it('says when an email was never looked up on a source, instead of "no account"', () => {
    const teammates = [
      tm('Lee', [{ dataSourceId: '*', type: 'accountId', value: 'u-lead' }]),
      tm('Sam', [{ dataSourceId: '*', type: 'email', value: 'sam@acme.test' }]),
    ];
    const found = diagnose(base({ teammates: { teams: [], teammates } }));
    expect(found.map((f) => f.id)).toEqual(['email-unchecked:host']);
    expect(found[0].detail).toContain('Resolve emails again');
  });

  it('reports a disabled source, a failing one and one never fetched', () => {
    const found = ids(base({ sources: [{ ...host, enabled: false }, { ...other, failing: { since: AT, code: 'AUTH_FAILED', message: 'Authentication failed' } }], runs: [] }));
    expect(found).toEqual(['disabled:host', 'failing:ds-1', 'never:ds-1']);
    expect(ids(base({ sources: [{ ...host, enabled: false }] }))).toEqual(['no-sources', 'disabled:host']);
  });

  it('reports lost access from the last run, and no activity in the window', () => {
    const lost = run({ status: 'partial', errors: [{ code: 'REMOTE_FORBIDDEN', message: 'The account may not read project ENG', stream: 'jira-issues' }] });
    expect(ids(base({ runs: [lost] }))).toEqual(['access:host']);
    expect(ids(base({ runs: [run({ progress: { streamsDone: 4, streamsTotal: 4, pages: 1, activities: 0 } })] }))).toEqual(['empty:host']);
    expect(ids(base({ runs: [run({ status: 'failed', errors: [{ code: 'UNREACHABLE', message: 'The site could not be reached' }] })] }))).toEqual(['failed:host']);
  });

  it('does not call a source "never fetched" while its first run is in flight', () => {
    expect(ids(base({ runs: [run({ status: 'running', finishedAt: undefined })] }))).toEqual([]);
  });
});
