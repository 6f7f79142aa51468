import { getGroupMembers } from '../../src/sources/jira/get-group-members';
import { startAdminEnv, type AdminEnv } from './helpers/admin-env';
import { globexSource } from './helpers/sites';

type Teammate = {
  id: string;
  name: string;
  teamId?: string;
  mappedAt: string;
  externalIds: { dataSourceId: string; type: string; value: string; resolutions?: Record<string, { status: string; accountId?: string; displayName?: string }> }[];
};

async function saveTeammate(env: AdminEnv, payload: unknown): Promise<Teammate> {
  const r = await env.call('teammates/save', payload);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return (r.data as { teammate: Teammate }).teammate;
}

describe('teammates: emails resolved per source', () => {
  let env: AdminEnv;
  beforeEach(async () => {
    env = await startAdminEnv();
    await env.call('sources/list', {});
    await env.call('sources/save', globexSource());
  });
  afterEach(() => env.close());

  it('resolves a visible email to the account and names it; a hidden one says to use the account ID', async () => {
    const sam = await saveTeammate(env, { name: 'Sam', externalIds: [{ dataSourceId: 'ds-1', type: 'email', value: 'Sam@Globex.test' }] });
    expect(sam.externalIds[0]).toMatchObject({ value: 'sam@globex.test', resolutions: { 'ds-1': { status: 'resolved', accountId: 'g-sam', displayName: 'Sam Visible' } } });
    const pia = await saveTeammate(env, { name: 'Pia', externalIds: [{ dataSourceId: 'ds-1', type: 'email', value: 'pia@globex.test' }] });
    expect(pia.externalIds[0].resolutions).toEqual({ 'ds-1': { status: 'hidden', checkedAt: expect.any(String) } });
    const ghost = await saveTeammate(env, { name: 'Ghost', externalIds: [{ dataSourceId: 'ds-1', type: 'email', value: 'nobody@globex.test' }] });
    expect(ghost.externalIds[0].resolutions?.['ds-1'].status).toBe('not-found');
  });

  it('says "hidden: map by account ID" on the host, where the app cannot search a hidden email at all', async () => {
    const t = await saveTeammate(env, { name: 'Hugo', externalIds: [{ dataSourceId: 'host', type: 'email', value: 'hugo@acme.test' }] });
    expect(t.externalIds[0].resolutions).toEqual({ host: { status: 'hidden', checkedAt: expect.any(String) } });
    const found = await env.call('sync/diagnostics', {});
    expect(JSON.stringify(found)).toMatch(/email hidden by the person's profile settings/);
    expect(JSON.stringify(found)).toMatch(/people search/);
  });

  it('resolves an "all sources" email on each enabled source separately', async () => {
    const t = await saveTeammate(env, { name: 'Hugo', externalIds: [{ dataSourceId: '*', type: 'email', value: 'hugo@acme.test' }] });
    expect(Object.keys(t.externalIds[0].resolutions ?? {}).sort()).toEqual(['ds-1', 'host']);
    expect(t.externalIds[0].resolutions?.host.status).toBe('hidden');
    expect(t.externalIds[0].resolutions?.['ds-1'].status).toBe('not-found');
  });

  it('looks up "all sources" emails on a source added later, keeping the other sources\' answers', async () => {
    await env.call('sources/delete', { id: 'ds-1' });
    const t = await saveTeammate(env, { name: 'Sam', externalIds: [{ dataSourceId: '*', type: 'email', value: 'sam@globex.test' }] });
    expect(Object.keys(t.externalIds[0].resolutions ?? {})).toEqual(['host']);
    const saved = await env.call('sources/save', globexSource({ name: 'Globex 2' }));
    const id = (saved as { ok: true; data: { source: { id: string } } }).data.source.id;
    const after = (await env.config.getTeammates()).teammates[0].externalIds[0].resolutions;
    // The app cannot search hidden emails on the host: an email nobody uses there reads as hidden.
    expect(after?.host?.status).toBe('hidden');
    expect(after?.[id]).toMatchObject({ status: 'resolved', accountId: 'g-sam' });
  });

  it('records "could not be checked" when the site fails, and resolves again on request', async () => {
    // The site fails after the source passed its test (a source failing its test is not enabled).
    env.emu.faults.add({ match: { site: 'globex' }, type: 'status5xx', status: 500 });
    const t = await saveTeammate(env, { name: 'Sam', externalIds: [{ dataSourceId: 'ds-1', type: 'email', value: 'sam@globex.test' }] });
    expect(t.externalIds[0].resolutions?.['ds-1'].status).toBe('error');
    env.emu.faults.clear();
    const r = await env.call('teammates/resolve', { id: t.id });
    expect(r.ok).toBe(true);
    const after = (await env.config.getTeammates()).teammates[0];
    expect(after.externalIds[0].resolutions?.['ds-1']).toMatchObject({ status: 'resolved', accountId: 'g-sam' });
    expect(await env.call('teammates/resolve', { id: 'tm-404' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('purges an account only when the teammate no longer has it on some source, recorded before the save', async () => {
    const started: Array<{ target: unknown; teammatesWhenRecorded: string }> = [];
    env.deps.purges = {
      start: async (target, _label, afterRecorded) => {
        started.push({ target, teammatesWhenRecorded: JSON.stringify(await env.config.getTeammates()) });
        await afterRecorded?.();
        return { jobId: 'j', deleted: 2, done: true };
      },
      list: async () => [],
    };
    const everywhere = { dataSourceId: '*', type: 'accountId', value: 'g-sam' };
    const email = { dataSourceId: 'ds-1', type: 'email', value: 'sam@globex.test' };
    const onHost = { dataSourceId: 'host', type: 'accountId', value: 'u-rita' };
    const t = await saveTeammate(env, { name: 'Sam', externalIds: [everywhere, email, onHost] });
    expect(started).toEqual([]);
    // The email resolved to g-sam, which the teammate still has everywhere: nothing to purge.
    await saveTeammate(env, { id: t.id, name: 'Sam', externalIds: [everywhere, onHost] });
    expect(started).toEqual([]);
    // Taking both IDs away purges each account, recorded while the teammate still had them.
    const r = await env.call('teammates/save', { id: t.id, name: 'Sam', externalIds: [email] });
    expect(r).toMatchObject({ ok: true, data: { purge: { activities: 4, continuing: false } } });
    expect(started.map((x) => x.target)).toEqual([{ teammateId: t.id, accountId: 'g-sam' }, { teammateId: t.id, accountId: 'u-rita' }]);
    for (const x of started) expect(x.teammatesWhenRecorded).toContain('u-rita');
    expect(JSON.stringify(await env.config.getTeammates())).not.toContain('u-rita');
  });

  it('keeps mappedAt when nothing about the identities changed, and moves it for a new identity', async () => {
    const t = await saveTeammate(env, { name: 'Lee', externalIds: [{ dataSourceId: '*', type: 'accountId', value: 'u-lead' }] });
    const renamed = await saveTeammate(env, { id: t.id, name: 'Lee L.', externalIds: [{ dataSourceId: '*', type: 'accountId', value: 'u-lead' }] });
    expect(renamed.mappedAt).toBe(t.mappedAt);
    await new Promise((r) => setTimeout(r, 5));
    const more = await saveTeammate(env, { id: t.id, name: 'Lee L.', externalIds: [{ dataSourceId: '*', type: 'accountId', value: 'u-lead' }, { dataSourceId: 'ds-1', type: 'accountId', value: 'g-sam' }] });
    expect(more.mappedAt > t.mappedAt).toBe(true);
  });
});

describe('teammates: validation', () => {
  let env: AdminEnv;
  beforeEach(async () => {
    env = await startAdminEnv();
    await env.call('sources/list', {});
  });
  afterEach(() => env.close());

  it.each([
    [{ name: '  ', externalIds: [] }, 'name', /Enter a name/],
    [{ name: 'A', externalIds: [{ dataSourceId: '*', type: 'email', value: 'not-an-email' }] }, 'externalIds.0.value', /not an email/],
    [{ name: 'A', externalIds: [{ dataSourceId: '*', type: 'accountId', value: 'a@b.co' }] }, 'externalIds.0.value', /looks like an email/],
    [{ name: 'A', externalIds: [{ dataSourceId: '*', type: 'accountId', value: 'bad id!' }] }, 'externalIds.0.value', /account ID/],
    [{ name: 'A', externalIds: [{ dataSourceId: 'ds-9', type: 'accountId', value: 'u-x' }] }, 'externalIds.0.dataSourceId', /no longer exists/],
    [{ name: 'A', externalIds: [{ dataSourceId: '*', type: 'accountId', value: 'u-lead' }, { dataSourceId: '*', type: 'accountId', value: 'u-lead' }] }, 'externalIds.1.value', /twice/],
    [{ name: 'A', teamId: 'team-9', externalIds: [] }, 'teamId', /team no longer exists/],
  ])('refuses %j with a message next to %s', async (payload, field, message) => {
    const r = await env.call('teammates/save', payload);
    expect(r).toMatchObject({ ok: false, error: { field, message: expect.stringMatching(message) } });
    expect((await env.config.getTeammates()).teammates).toHaveLength(0);
  });

  it('refuses to map one account to two teammates', async () => {
    await saveTeammate(env, { name: 'Lee', externalIds: [{ dataSourceId: '*', type: 'accountId', value: 'u-lead' }] });
    const r = await env.call('teammates/save', { name: 'Lee again', externalIds: [{ dataSourceId: '*', type: 'accountId', value: 'u-lead' }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'externalIds.0.value', message: expect.stringContaining('Lee') } });
  });

  it('removes a teammate; removing it twice answers NOT_FOUND', async () => {
    const t = await saveTeammate(env, { name: 'Lee', externalIds: [] });
    expect(await env.call('teammates/delete', { id: t.id })).toEqual({ ok: true, data: { deleted: t.id } });
    expect(await env.call('teammates/delete', { id: t.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lists teammates and teams', async () => {
    await env.call('teams/save', { name: 'Core' });
    await saveTeammate(env, { name: 'Lee', teamId: 'team-1', externalIds: [] });
    const r = await env.call('teammates/list', {});
    expect(r).toMatchObject({ ok: true, data: { teams: [{ id: 'team-1', name: 'Core' }], teammates: [{ name: 'Lee', teamId: 'team-1' }] } });
  });
});

describe('teams', () => {
  let env: AdminEnv;
  beforeEach(async () => {
    env = await startAdminEnv();
  });
  afterEach(() => env.close());

  it('adds, renames and deletes a team; members stay without a team', async () => {
    expect(await env.call('teams/save', { name: 'Core' })).toEqual({ ok: true, data: { team: { id: 'team-1', name: 'Core' } } });
    expect(await env.call('teams/save', { name: 'core' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'name' } });
    expect(await env.call('teams/save', { name: ' ' })).toMatchObject({ ok: false, error: { field: 'name' } });
    expect(await env.call('teams/save', { id: 'team-1', name: 'Platform' })).toEqual({ ok: true, data: { team: { id: 'team-1', name: 'Platform' } } });
    await saveTeammate(env, { name: 'Lee', teamId: 'team-1', externalIds: [] });
    expect(await env.call('teams/delete', { id: 'team-1' })).toEqual({ ok: true, data: { deleted: 'team-1' } });
    const doc = await env.config.getTeammates();
    expect(doc.teams).toEqual([]);
    expect(doc.teammates[0].teamId).toBeUndefined();
    expect(await env.call('teams/delete', { id: 'team-1' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await env.call('teams/save', { id: 'team-7', name: 'X' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('people and groups from the host site', () => {
  let env: AdminEnv;
  beforeEach(async () => {
    env = await startAdminEnv();
  });
  afterEach(() => env.close());

  it('searches people by name, without app accounts', async () => {
    const r = await env.call('users/search', { query: 'Ri' });
    expect(r).toEqual({ ok: true, data: { users: [{ accountId: 'u-rita', displayName: 'Rita Reviewer', email: 'rita@acme.test' }] } });
    expect(await env.call('users/search', { query: 'B' })).toEqual({ ok: true, data: { users: [] } });
    const bots = await env.call('users/search', { query: 'Build' });
    expect(bots).toEqual({ ok: true, data: { users: [] } });
  });

  it('adds picked people by account ID on every source and skips those already mapped', async () => {
    const first = await env.call('teammates/add-users', { users: [{ accountId: 'u-rita', displayName: 'Rita Reviewer' }] });
    expect(first).toMatchObject({ ok: true, data: { added: [{ name: 'Rita Reviewer', externalIds: [{ dataSourceId: '*', type: 'accountId', value: 'u-rita' }] }], skipped: [] } });
    const again = await env.call('teammates/add-users', { users: [{ accountId: 'u-rita', displayName: 'Rita' }, { accountId: 'u-lead', displayName: 'Lee Lead' }] });
    expect(again).toMatchObject({ ok: true, data: { added: [{ name: 'Lee Lead' }], skipped: [{ accountId: 'u-rita', reason: 'already added as Rita Reviewer' }] } });
    expect(await env.call('teammates/add-users', { users: [{ accountId: 'u-x', displayName: 'X' }], teamId: 'team-4' })).toMatchObject({ ok: false, error: { field: 'teamId' } });
  });

  it('searches groups and adds the people of a group (not its app accounts) into a team', async () => {
    expect(await env.call('groups/search', { query: 'lead' })).toEqual({ ok: true, data: { groups: [{ name: 'team-leads', groupId: 'g-leads' }], total: 1 } });
    await env.call('teams/save', { name: 'Leads' });
    const r = await env.call('teammates/add-group', { groupName: 'team-leads', teamId: 'team-1' });
    expect(r.ok).toBe(true);
    const doc = await env.config.getTeammates();
    expect(doc.teammates.map((t) => [t.name, t.teamId]).sort()).toEqual([['Lee Lead', 'team-1'], ['Rita Reviewer', 'team-1']]);
  });

  it('reads every page of a group and stops at the limit, saying so', async () => {
    const all = await getGroupMembers(env.deps.hostJira(), 'jira-users', { pageSize: 1 });
    expect(all.truncated).toBe(false);
    expect(all.members.map((m) => m.accountId).sort()).toEqual(['u-admin', 'u-hugo', 'u-lead', 'u-rita']);
    const some = await getGroupMembers(env.deps.hostJira(), 'jira-users', { limit: 2, pageSize: 1 });
    expect(env.emu.requestLog.filter((r) => r.path.startsWith('/rest/api/3/group/member')).length).toBeGreaterThanOrEqual(6);
    expect(some).toMatchObject({ truncated: true, members: [{}, {}] });
  });

  it('says plainly when a group does not exist', async () => {
    expect(await env.call('teammates/add-group', { groupName: 'no-such-group' })).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'There is no group called no-such-group on this site.', field: 'groupName' },
    });
    expect(await env.call('teammates/add-group', { groupName: ' ' })).toMatchObject({ ok: false, error: { field: 'groupName' } });
  });
});
