import { startAdminEnv, type AdminEnv } from './helpers/admin-env';

/** The group picker of the access and source forms: host groups, searched as the admin types. */
describe('groups/search (the group picker)', () => {
  let env: AdminEnv;
  beforeEach(async () => {
    env = await startAdminEnv();
  });
  afterEach(() => env.close());

  it('finds a group whatever the case typed, asking Jira for a case-insensitive match', async () => {
    const r = await env.call('groups/search', { query: 'LEADS' });
    expect(r).toEqual({ ok: true, data: { groups: [{ name: 'team-leads', groupId: 'g-leads' }], total: 1 } });
    const asked = env.emu.requestLog.filter((x) => x.path.startsWith('/rest/api/3/groups/picker'));
    expect(asked.length).toBeGreaterThan(0);
  });

  it('lists groups for an empty query, with the number that match in all', async () => {
    const r = await env.call('groups/search', { query: '' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const data = r.data as { groups: { name: string }[]; total: number };
    expect(data.groups.map((g) => g.name)).toEqual(expect.arrayContaining(['jira-administrators', 'team-leads']));
    expect(data.total).toBe(data.groups.length);
  });

  it('accepts a view group typed in another case as the host group it names', async () => {
    await env.call('sources/list', {});
    const r = await env.call('settings/save-access', { dashboardGroups: ['Team-Leads'], privacyMode: false });
    expect(r.ok).toBe(true);
  });
});
