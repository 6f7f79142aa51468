import { ADMIN_KEYS, type AdminKey } from '../../src/shared/admin-contract';
import { startAdminEnv, type AdminEnv } from './helpers/admin-env';

/** A valid payload per key, so a FORBIDDEN answer can only come from the admin check. */
const VALID: Record<AdminKey, unknown> = {
  'sources/list': {},
  'sources/save': { name: '', enabled: true, jiraUrl: 'https://globex.atlassian.net', jiraEmail: 'gina@globex.test', jiraToken: 'ATATT3xFfGF0-globex-owner-token-0001' },
  'sources/set-enabled': { id: 'host', enabled: false },
  'sources/delete': { id: 'ds-1' },
  'sources/test': { id: 'host' },
  'sources/fetch-now': { id: 'host', since: '2026-01-01', until: '2026-01-31' },
  'teammates/list': {},
  'teammates/save': { name: 'X', externalIds: [] },
  'teammates/delete': { id: 'tm-1' },
  'teammates/resolve': {},
  'teammates/add-users': { users: [{ accountId: 'u-lead', displayName: 'Lee Lead' }] },
  'teammates/add-group': { groupName: 'team-leads' },
  'teammates/duplicates': {},
  'teammates/merge': { keepId: 'tm-1', mergeIds: ['tm-2'] },
  'teams/save': { name: 'Core' },
  'teams/delete': { id: 'team-1' },
  'users/search': { query: 'le' },
  'groups/search': { query: 'team' },
  'settings/get': {},
  'settings/save-sync': { syncIntervalMinutes: 30, historyDays: 30 },
  'settings/save-access': { dashboardGroups: ['team-leads'], privacyMode: true },
  'sync/status': {},
  'sync/cancel': { runId: 'run-1' },
  'sync/history': {},
  'sync/diagnostics': {},
};

describe('admin resolver: access and payload checks', () => {
  let env: AdminEnv;
  beforeAll(async () => {
    env = await startAdminEnv();
  });
  afterAll(() => env.close());

  it.each(ADMIN_KEYS)('%s refuses a caller who is not a Jira administrator and changes nothing', async (key) => {
    const before = JSON.stringify([...env.kvs.values.entries()]);
    const r = await env.call(key, VALID[key], 'u-lead');
    expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('Only Jira administrators') } });
    expect(JSON.stringify([...env.kvs.values.entries()])).toBe(before);
    expect(env.kvs.secrets.size).toBe(0);
    expect(env.sync.started).toHaveLength(0);
  });

  it('refuses a call without an account (an anonymous or app invocation)', async () => {
    const r = await env.call('settings/get', {}, null);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('FORBIDDEN');
  });

  it('asks the host site on every call: a user removed from the admin group loses access at once', async () => {
    expect((await env.call('settings/get', {}, 'u-admin')).ok).toBe(true);
    const site = env.emu.site('acme');
    const raw = site.raw as { users: { accountId: string; groups: string[] }[] };
    const ada = raw.users.find((u) => u.accountId === 'u-admin')!;
    const groups = ada.groups;
    ada.groups = ['jira-users'];
    try {
      const r = await env.call('settings/get', {}, 'u-admin');
      expect(r.ok).toBe(false);
    } finally {
      ada.groups = groups;
    }
  });

  it.each(ADMIN_KEYS)('%s refuses an unexpected field and a payload that is not an object', async (key) => {
    const extra = await env.call(key, { ...(VALID[key] as object), unexpected: 1 });
    expect(extra).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'Unexpected field(s): unexpected' } });
    const notObject = await env.call(key, ['x']);
    expect(notObject).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(env.sync.started).toHaveLength(0);
  });

  it('answers an unknown key with BAD_REQUEST, not a stack trace', async () => {
    expect(await env.call('sources/drop-table', {})).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'Unknown admin action sources/drop-table' } });
  });

  it.each([
    ['sources/save', { name: 'x', enabled: true, jiraUrl: 'https://a.atlassian.net', jiraEmail: 'a@b.co', evil: 1 }, undefined, /Unexpected field/],
    ['sources/save', { name: 'x', enabled: 'yes', jiraUrl: 'https://a.atlassian.net', jiraEmail: 'a@b.co' }, 'enabled', /^Enabled: choose yes or no$/],
    ['sources/test', { id: '../../etc' }, 'id', /^Item: unknown id$/],
    ['sources/fetch-now', { id: 'host', since: '01/02/2026', until: '2026-01-31' }, 'since', /2026-01-31/],
    ['teammates/save', { name: 'X', externalIds: [{ dataSourceId: '*', type: 'phone', value: '1' }] }, 'externalIds.0.type', /./],
    ['teammates/add-users', { users: [] }, 'users', /./],
    ['settings/save-sync', { syncIntervalMinutes: 1, historyDays: 30 }, 'syncIntervalMinutes', /^Sync interval: at least 5 minutes$/],
    ['settings/save-sync', { syncIntervalMinutes: 60, historyDays: 1000 }, 'historyDays', /^History window: at most 365 days$/],
    ['sync/history', { limit: 0 }, 'limit', /./],
    ['users/search', 'not an object', undefined, /./],
  ])('%s with bad input %j answers BAD_REQUEST naming field %s', async (key, payload, field, message) => {
    const r = await env.call(key, payload);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('BAD_REQUEST');
    expect(r.error.field).toBe(field);
    expect(r.error.message).toMatch(message);
  });
});
