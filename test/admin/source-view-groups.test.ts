import { startAdminEnv, type AdminEnv } from './helpers/admin-env';
import { globexSource } from './helpers/sites';

/** Who may see titles from another Cloud site: `viewGroups` of a data source, set on the admin page. */
/** An edit of the saved source that sends no token (the saved one is kept). */
const edit = (over: Record<string, unknown> = {}) => globexSource({ id: 'ds-1', jiraToken: undefined, ...over });

async function listed(env: AdminEnv, id: string) {
  const r = await env.call('sources/list', {});
  if (!r.ok) throw new Error(r.error.message);
  return (r.data as { sources: { id: string; viewGroups?: string[] }[] }).sources.find((s) => s.id === id);
}

describe('who can see titles from another site', () => {
  let env: AdminEnv;
  beforeEach(async () => {
    env = await startAdminEnv();
    await env.call('sources/list', {});
  });
  afterEach(() => env.close());

  it('saves the groups trimmed and without repeats, and lists them', async () => {
    const r = await env.call('sources/save', globexSource({ viewGroups: [' team-leads ', '', 'TEAM-LEADS', 'jira-users'] }));
    expect(r).toMatchObject({ ok: true, data: { source: { id: 'ds-1', viewGroups: ['team-leads', 'jira-users'] } } });
    expect((await env.config.getDataSource('ds-1'))?.viewGroups).toEqual(['team-leads', 'jira-users']);
    expect((await listed(env, 'ds-1'))?.viewGroups).toEqual(['team-leads', 'jira-users']);
  });

  it('leaves the field unset when none are given: the dashboard groups apply', async () => {
    await env.call('sources/save', globexSource());
    expect(await env.config.getDataSource('ds-1')).not.toHaveProperty('viewGroups');
    expect(await listed(env, 'ds-1')).not.toHaveProperty('viewGroups');
  });

  it('keeps the groups on an edit that does not send them, and clears them with an empty list', async () => {
    await env.call('sources/save', globexSource({ viewGroups: ['team-leads'] }));
    expect(await env.call('sources/save', edit({ name: 'Globex Corp' }))).toMatchObject({ ok: true, data: { source: { name: 'Globex Corp', viewGroups: ['team-leads'] } } });
    const cleared = await env.call('sources/save', edit({ viewGroups: ['  '] }));
    expect(cleared.ok).toBe(true);
    if (cleared.ok) expect((cleared.data as { source: object }).source).not.toHaveProperty('viewGroups');
    expect(await listed(env, 'ds-1')).not.toHaveProperty('viewGroups');
    await env.call('sources/save', edit({ viewGroups: ['jira-users'] }));
    await env.call('sources/save', edit({ viewGroups: [] }));
    expect(await env.config.getDataSource('ds-1')).not.toHaveProperty('viewGroups');
  });

  it('keeps titles of restricted items hidden by default; the setting is saved, kept on edits and refused when not a boolean', async () => {
    await env.call('sources/save', globexSource());
    expect(await env.config.getDataSource('ds-1')).toMatchObject({ showRestrictedTitles: false });
    await env.call('sources/save', edit({ showRestrictedTitles: true }));
    await env.call('sources/save', edit({ name: 'Globex Corp' }));
    expect(await env.config.getDataSource('ds-1')).toMatchObject({ name: 'Globex Corp', showRestrictedTitles: true });
    const bad = await env.call('sources/save', edit({ showRestrictedTitles: 'yes' }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'showRestrictedTitles' } });
    expect(await env.config.getDataSource('ds-1')).toMatchObject({ showRestrictedTitles: true });
  });

  it('names an unknown group next to its row and stores nothing for a new source', async () => {
    const r = await env.call('sources/save', globexSource({ viewGroups: ['team-leads', 'team-laeds'] }));
    expect(r).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'There is no group called "team-laeds" on this site.', field: 'viewGroups.1' } });
    expect(await env.config.getDataSource('ds-1')).toBeUndefined();
    expect(env.kvs.secrets.size).toBe(0);
  });

  it('keeps the saved groups and name when an edit names an unknown group', async () => {
    await env.call('sources/save', globexSource({ viewGroups: ['team-leads'] }));
    const r = await env.call('sources/save', edit({ name: 'Renamed', viewGroups: ['nope', 'team-leads'] }));
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'viewGroups.0' } });
    expect(await env.config.getDataSource('ds-1')).toMatchObject({ name: 'Globex', viewGroups: ['team-leads'] });
  });

  it('refuses more than 20 groups, and a list the contract cannot take', async () => {
    const many = await env.call('sources/save', globexSource({ viewGroups: Array.from({ length: 21 }, (_, i) => `g${i}`) }));
    expect(many).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'viewGroups', message: 'List at most 20 groups.' } });
    const notAList = await env.call('sources/save', globexSource({ viewGroups: 'team-leads' }));
    expect(notAList).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'viewGroups' } });
    expect(await env.config.getDataSource('ds-1')).toBeUndefined();
  });

  it('says which group could not be checked when the site does not answer', async () => {
    env.emu.faults.add({ match: { site: 'acme', pathPrefix: '/rest/api/3/groups/picker' }, type: 'status5xx', status: 500 });
    const r = await env.call('sources/save', globexSource({ viewGroups: ['team-leads'] }));
    expect(r).toMatchObject({ ok: false, error: { field: 'viewGroups.0', message: expect.stringContaining('Could not check the group "team-leads"') } });
    expect(await env.config.getDataSource('ds-1')).toBeUndefined();
  });

  it('offers no such setting for the host site: its titles follow each viewer\'s own permissions', async () => {
    const r = await env.call('sources/save', globexSource({ id: 'host', viewGroups: ['team-leads'] }));
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'id' } });
    expect(await env.config.getDataSource('host')).not.toHaveProperty('viewGroups');
  });
});
