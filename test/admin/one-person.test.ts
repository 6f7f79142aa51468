import type { Teammate } from '../../src/domain/config';
import { startAdminEnv, type AdminEnv } from './helpers/admin-env';
import { globexSource } from './helpers/sites';

/**
 * One person is one teammate: however an admin adds someone (a typed email in any case, an
 * account ID, the people search, a group), a person already mapped is refused or skipped with
 * who they already are, and duplicates made before this rule are found and merged.
 */
describe('one person is one teammate', () => {
  let env: AdminEnv;
  beforeEach(async () => {
    env = await startAdminEnv();
    await env.call('sources/list', {});
    await env.call('sources/save', globexSource());
  });
  afterEach(() => env.close());

  const save = (payload: unknown) => env.call('teammates/save', payload);
  const byEmail = (value: string, dataSourceId = '*') => ({ dataSourceId, type: 'email', value });
  const byAccount = (value: string, dataSourceId = '*') => ({ dataSourceId, type: 'accountId', value });

  it('refuses an email already mapped, in any case, and an account ID another teammate has', async () => {
    expect(await save({ name: 'Rita', externalIds: [byEmail('rita@acme.test', 'host')] })).toMatchObject({ ok: true });
    const again = await save({ name: 'Rita R', externalIds: [byAccount('u-lead'), byEmail('RITA@Acme.test', 'ds-1')] });
    expect(again).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'This person is already added as Rita: edit Rita instead.', field: 'externalIds.1.value' } });
    // Rita's email resolved to u-rita on the host: her account ID is hers too.
    expect(await save({ name: 'R', externalIds: [byAccount('u-rita')] })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('already added as Rita'), field: 'externalIds.0.value' } });
    expect((await env.config.getTeammates()).teammates.map((t) => t.name)).toEqual(['Rita']);
  });

  it('refuses an email that resolves to an account another teammate has by ID', async () => {
    expect(await save({ name: 'Sam', externalIds: [byAccount('g-sam', 'ds-1')] })).toMatchObject({ ok: true });
    const r = await save({ name: 'Samuel', externalIds: [byEmail('sam@globex.test', 'ds-1')] });
    expect(r).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'This email belongs to an account already added as Sam: edit Sam instead.', field: 'externalIds.0.value' } });
    expect((await env.config.getTeammates()).teammates).toHaveLength(1);
  });

  it('skips people of the search and of a group already mapped by email, and marks them in the search', async () => {
    await save({ name: 'Rita', externalIds: [byEmail('Rita@acme.test')] });
    const search = await env.call('users/search', { query: 'Ri' });
    expect(search).toMatchObject({ ok: true, data: { users: [{ accountId: 'u-rita', addedAs: { name: 'Rita' } }] } });
    const picked = await env.call('teammates/add-users', { users: [{ accountId: 'u-rita', displayName: 'Rita Reviewer', email: 'rita@acme.test' }] });
    expect(picked).toMatchObject({ ok: true, data: { added: [], skipped: [{ accountId: 'u-rita', reason: 'already added as Rita' }] } });
    const group = await env.call('teammates/add-group', { groupName: 'team-leads' });
    expect(group).toMatchObject({ ok: true, data: { added: [{ name: 'Lee Lead' }], skipped: [{ accountId: 'u-rita', reason: 'already added as Rita' }] } });
    expect((await env.config.getTeammates()).teammates.map((t) => t.name).sort()).toEqual(['Lee Lead', 'Rita']);
  });

  it('skips a picked person whose email (no account resolved) is already mapped', async () => {
    // On globex the app searches with a token: an email on another source alone still names the person.
    await save({ name: 'Pia', externalIds: [byEmail('PIA@globex.test', 'ds-1')] });
    const r = await env.call('teammates/add-users', { users: [{ accountId: 'g-pia', displayName: 'Pia Private', email: 'pia@globex.test' }] });
    expect(r).toMatchObject({ ok: true, data: { added: [], skipped: [{ reason: 'already added as Pia' }] } });
  });

  it('finds duplicates made earlier and merges them into one teammate, purging the others first', async () => {
    const at = '2026-01-01T00:00:00.000Z';
    const resolved = { host: { status: 'resolved' as const, accountId: 'u-rita', checkedAt: at } };
    const teammates: Teammate[] = [
      { id: 'tm-a', name: 'Rita', externalIds: [{ dataSourceId: '*', type: 'email', value: 'rita@acme.test', resolutions: resolved }], mappedAt: at },
      { id: 'tm-b', name: 'Rita Reviewer', teamId: 'team-1', externalIds: [{ dataSourceId: '*', type: 'accountId', value: 'u-rita' }], mappedAt: at },
      { id: 'tm-c', name: 'rita', externalIds: [{ dataSourceId: 'ds-1', type: 'email', value: 'RITA@acme.test' }], mappedAt: at },
      { id: 'tm-d', name: 'Lee', externalIds: [{ dataSourceId: '*', type: 'accountId', value: 'u-lead' }], mappedAt: at },
    ];
    await env.config.saveTeammates({ teams: [{ id: 'team-1', name: 'Core' }], teammates });
    const dups = await env.call('teammates/duplicates', {});
    expect(dups).toEqual({
      ok: true,
      data: { groups: [{ shared: expect.arrayContaining(['email rita@acme.test', 'account u-rita']), teammates: [{ id: 'tm-a', name: 'Rita' }, { id: 'tm-b', name: 'Rita Reviewer' }, { id: 'tm-c', name: 'rita' }] }] },
    });

    const recorded: Array<{ target: unknown; stillListed: boolean }> = [];
    env.deps.purges = {
      start: async (target, _label, afterRecorded) => {
        const id = (target as { teammateId: string }).teammateId;
        recorded.push({ target, stillListed: (await env.config.getTeammates()).teammates.some((t) => t.id === id) });
        await afterRecorded?.();
        return { jobId: `j-${id}`, deleted: 3, done: id === 'tm-b' };
      },
      list: async () => [],
    };
    const merged = await env.call('teammates/merge', { keepId: 'tm-a', mergeIds: ['tm-b', 'tm-c'] });
    expect(merged).toMatchObject({ ok: true, data: { teammate: { id: 'tm-a', teamId: 'team-1' }, purge: { activities: 6, continuing: true } } });
    expect(recorded).toEqual([{ target: { teammateId: 'tm-b' }, stillListed: true }, { target: { teammateId: 'tm-c' }, stillListed: true }]);
    const after = (await env.config.getTeammates()).teammates;
    expect(after.map((t) => t.id)).toEqual(['tm-a', 'tm-d']);
    expect(after[0].externalIds.map((x) => `${x.dataSourceId}:${x.type}:${x.value}`)).toEqual(['*:email:rita@acme.test', '*:accountId:u-rita', 'ds-1:email:RITA@acme.test']);
    // A new mappedAt: the next sync reads the history window again and stores it under the kept teammate.
    expect(after[0].mappedAt > at).toBe(true);
    expect(await env.call('teammates/duplicates', {})).toEqual({ ok: true, data: { groups: [] } });
    expect(await env.call('teammates/merge', { keepId: 'tm-a', mergeIds: ['tm-a'] })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await env.call('teammates/merge', { keepId: 'tm-a', mergeIds: ['tm-b'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
