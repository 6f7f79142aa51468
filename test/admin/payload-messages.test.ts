import { dashboardContract } from '../../src/shared/dashboard-contract';
import { fieldLabel, fieldProblems } from '../../src/shared/field-messages';
import { startAdminEnv, type AdminEnv } from './helpers/admin-env';

/**
 * Refused payloads read as words: each field by its label, each rule as a sentence, every field
 * at once (the first also as `field`, where the form puts the focus), never a path or zod's
 * wording, for the admin page and the dashboard alike.
 */
describe('payload errors in plain words', () => {
  let env: AdminEnv;
  beforeAll(async () => {
    env = await startAdminEnv();
  });
  afterAll(() => env.close());

  it('names every field of the schedule at once by its label, with the unit', async () => {
    const r = await env.call('settings/save-sync', { syncIntervalMinutes: 1, historyDays: 1000 });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: 'Sync interval: at least 5 minutes',
        field: 'syncIntervalMinutes',
        fields: [
          { field: 'syncIntervalMinutes', message: 'Sync interval: at least 5 minutes' },
          { field: 'historyDays', message: 'History window: at most 365 days' },
        ],
      },
    });
  });

  it('says what to type for an empty or non-number field', async () => {
    const r = await env.call('settings/save-sync', { syncIntervalMinutes: Number(''), historyDays: Number('ten') });
    expect(r).toMatchObject({ ok: false, error: { fields: [{ message: 'Sync interval: at least 5 minutes' }, { field: 'historyDays', message: 'History window: enter a number' }] } });
    const half = await env.call('settings/save-sync', { syncIntervalMinutes: 7.5, historyDays: 30 });
    expect(half).toMatchObject({ ok: false, error: { message: 'Sync interval: enter a whole number' } });
  });

  it('labels list items by position and keeps the contract\'s own sentences', async () => {
    const r = await env.call('teammates/save', { name: 'X', externalIds: [{ dataSourceId: '*', type: 'email', value: 'a@b.co' }, { dataSourceId: '*', type: 'phone', value: '1' }] });
    expect(r).toMatchObject({ ok: false, error: { field: 'externalIds.1.type', message: 'Identity 2 type: choose one of accountId, email' } });
    const day = await env.call('sources/fetch-now', { id: 'host', since: '01/02/2026', until: '2026-02-30x' });
    expect(day).toMatchObject({ ok: false, error: { fields: [{ field: 'since', message: 'From: use a date like 2026-01-31' }, { field: 'until', message: 'To: use a date like 2026-01-31' }] } });
  });

  it('never shows a path or zod\'s wording, in any message of the admin contract', async () => {
    const bad = [
      ['settings/save-sync', { syncIntervalMinutes: 'x', historyDays: -1 }],
      ['sources/save', { name: 1, enabled: 'yes', jiraUrl: 2, jiraEmail: null }],
      ['teammates/add-users', { users: [] }],
      ['settings/save-access', { dashboardGroups: [1], privacyMode: 'no' }],
    ] as const;
    for (const [key, payload] of bad) {
      const r = await env.call(key, payload);
      if (r.ok) throw new Error(`${key} accepted ${JSON.stringify(payload)}`);
      for (const m of [r.error.message, ...(r.error.fields ?? []).map((f) => f.message)]) {
        expect(m).not.toMatch(/Too small|Too big|Invalid input|expected (number|string|boolean)|[a-z][A-Z]|\.\d|>=|<=/);
      }
    }
  });

  it('labels a path named like an object property as words, without tripping over it', () => {
    expect(fieldLabel('constructor')).toEqual({ label: 'Constructor' });
    expect(fieldLabel('__proto__')).toEqual({ label: '__proto__' });
    expect(fieldLabel('filters.pageSize')).toEqual({ label: 'Page size' });
  });

  it('words the dashboard filters the same way ("To: …", not "filters.to: …")', () => {
    const parsed = dashboardContract['dashboard/summary'].payload.safeParse({ filters: { range: 'custom', from: '2026-03-10', to: '2026-03-01' } });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldProblems(parsed.error)).toEqual([{ field: 'filters.to', message: 'To: the end day is before the start day' }]);
  });

  it('names every problem of a teammate at once: the name and each identity row', async () => {
    await env.call('teammates/save', { name: 'Rita', externalIds: [{ dataSourceId: '*', type: 'accountId', value: 'u-rita' }] });
    const r = await env.call('teammates/save', {
      name: ' ',
      externalIds: [
        { dataSourceId: '*', type: 'email', value: 'not-an-email' },
        { dataSourceId: '*', type: 'accountId', value: 'u-rita' },
        { dataSourceId: 'ds-9', type: 'accountId', value: 'u-lead' },
      ],
    });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: 'Enter a name.',
        field: 'name',
        fields: [
          { field: 'name', message: 'Enter a name.' },
          { field: 'externalIds.0.value', message: expect.stringContaining('is not an email address') },
          { field: 'externalIds.1.value', message: 'This person is already added as Rita: edit Rita instead.' },
          { field: 'externalIds.2.dataSourceId', message: 'This data source no longer exists: choose another one.' },
        ],
      },
    });
  });

  it('names every unknown dashboard group at once, each at its row', async () => {
    const r = await env.call('settings/save-access', { dashboardGroups: ['team-laeds', 'jira-users', 'nobody-here'], privacyMode: false });
    expect(r).toMatchObject({
      ok: false,
      error: { field: 'dashboardGroups.0', fields: [{ field: 'dashboardGroups.0' }, { field: 'dashboardGroups.2', message: 'There is no group called "nobody-here" on this site.' }] },
    });
  });
});
