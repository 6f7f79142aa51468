import { dashboardContract } from '../../src/shared/dashboard-contract';
import { fieldProblems } from '../../src/shared/field-messages';
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

  it('words the dashboard filters the same way ("To: …", not "filters.to: …")', () => {
    const parsed = dashboardContract['dashboard/summary'].payload.safeParse({ filters: { range: 'custom', from: '2026-03-10', to: '2026-03-01' } });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldProblems(parsed.error)).toEqual([{ field: 'filters.to', message: 'To: the end day is before the start day' }]);
  });
});
