import { startAdminEnv, type AdminEnv } from './helpers/admin-env';
import { globexSite, globexSource, hostSite } from './helpers/sites';

const WRONG_TOKEN = 'ATATT3xFfGF0-wrong-token-000000000';


interface Saved {
  source: { id: string; enabled: boolean; awaitingTest?: unknown; failing?: unknown; confluenceUrl?: string };
  test?: { jira: { status: string }; confluence?: { status: string } };
  problems?: { field: string; message: string }[];
  notes?: string[];
}

async function save(env: AdminEnv, payload: Record<string, unknown>): Promise<Saved> {
  const r = await env.call('sources/save', payload);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as Saved;
}

describe('saving a source runs its connection test', () => {
  let env: AdminEnv;
  beforeEach(async () => {
    env = await startAdminEnv();
    await env.call('sources/list', {});
  });
  afterEach(() => env.close());

  it('keeps a new source that fails its test stored but disabled, the failure at the token field, until a save passes', async () => {
    const first = await save(env, globexSource({ jiraToken: WRONG_TOKEN }));
    expect(first.source).toMatchObject({ id: 'ds-1', enabled: false, awaitingTest: { since: expect.any(String) }, failing: { code: 'AUTH_FAILED' } });
    expect(first.problems).toEqual([{ field: 'jiraToken', message: expect.stringMatching(/^Authentication failed: /) }]);
    // Nothing the admin typed is lost: the token waits in the secrets for the next try.
    expect(env.kvs.secrets.get('secret:ds-1:jira-token')).toBe(WRONG_TOKEN);
    const fixed = await save(env, globexSource({ id: 'ds-1' }));
    expect(fixed.problems).toBeUndefined();
    expect(fixed.test?.jira.status).toBe('ok');
    expect(fixed.source.enabled).toBe(true);
    expect(fixed.source.awaitingTest).toBeUndefined();
    expect(fixed.source.failing).toBeUndefined();
  });

  it('never enables a waiting source by the switch alone; the first passing test enables it', async () => {
    env.emu.faults.add({ match: { site: 'globex' }, type: 'status5xx', status: 503 });
    const first = await save(env, globexSource());
    expect(first.source).toMatchObject({ enabled: false, awaitingTest: expect.any(Object) });
    expect(first.problems?.[0].field).toBe('jiraUrl');
    const refused = await env.call('sources/set-enabled', { id: 'ds-1', enabled: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/has not passed its connection test/) } });
    expect((await env.config.getDataSource('ds-1'))?.enabled).toBe(false);
    env.emu.faults.clear();
    const tested = await env.call('sources/test', { id: 'ds-1' });
    expect(tested).toMatchObject({ ok: true, data: { jira: { status: 'ok' }, enabledNow: true } });
    expect(await env.config.getDataSource('ds-1')).toMatchObject({ enabled: true });
    expect((await env.config.getDataSource('ds-1'))?.awaitingTest).toBeUndefined();
  });

  it('looks up "all sources" emails on a waiting source once it is enabled, by a test, a save or the switch', async () => {
    const saveSam = () =>
      env.call('teammates/save', { name: 'Sam', externalIds: [{ dataSourceId: '*', type: 'email', value: 'sam@globex.test' }] });
    const samOn = async (ds: string) => (await env.config.getTeammates()).teammates[0]?.externalIds[0].resolutions?.[ds];
    env.emu.faults.add({ match: { site: 'globex' }, type: 'status5xx', status: 503 });
    await save(env, globexSource());
    await saveSam();
    env.emu.faults.clear();
    await save(env, globexSource({ id: 'ds-1' }));
    expect(await samOn('ds-1')).toMatchObject({ status: 'resolved', accountId: 'g-sam' });

    env.emu.faults.add({ match: { site: 'globex' }, type: 'status5xx', status: 503, times: 2 });
    const second = (await save(env, globexSource({ name: 'Globex 2', jiraUrl: 'https://globex.jira.com' }))).source;
    expect(second).toMatchObject({ enabled: false, awaitingTest: expect.any(Object) });
    expect(await env.call('sources/set-enabled', { id: second.id, enabled: true })).toMatchObject({ ok: true });
    expect(await samOn(second.id)).toMatchObject({ status: 'resolved', accountId: 'g-sam' });
  });

  it('a new source on a site that cannot be reached is not enabled, with the problem at the address', async () => {
    const r = await save(env, globexSource({ jiraUrl: 'https://initech.atlassian.net' }));
    expect(r.source.enabled).toBe(false);
    expect(r.problems).toEqual([{ field: 'jiraUrl', message: expect.stringMatching(/^Site unreachable: /) }]);
  });

  it('an existing, working source is not disabled by an inconclusive answer on save, but a refused token disables it', async () => {
    await save(env, globexSource());
    env.emu.faults.add({ match: { site: 'globex' }, type: 'status5xx', status: 503 });
    const renamedEmail = await save(env, globexSource({ id: 'ds-1' }));
    expect(renamedEmail.problems?.[0].field).toBe('jiraUrl');
    expect(renamedEmail.source.enabled).toBe(true);
    expect(renamedEmail.source.failing).toBeUndefined();
    env.emu.faults.clear();
    const wrong = await save(env, globexSource({ id: 'ds-1', jiraToken: WRONG_TOKEN }));
    expect(wrong.source).toMatchObject({ enabled: false, awaitingTest: expect.any(Object) });
    expect(wrong.problems?.[0].field).toBe('jiraToken');
  });

  it('a save that changes neither address nor credentials of a working source runs no test', async () => {
    await save(env, globexSource());
    const before = env.emu.requestLog.length;
    const r = await save(env, { id: 'ds-1', name: 'Globex Corp', enabled: true, jiraUrl: 'https://globex.atlassian.net', jiraEmail: 'gina@globex.test' });
    expect(r.test).toBeUndefined();
    expect(r.source).toMatchObject({ name: 'Globex Corp', enabled: true });
    expect(env.emu.requestLog.slice(before).filter((x) => x.site === 'globex')).toEqual([]);
  });

  it('a source saved disabled stays disabled whatever its test says, and does not wait for one', async () => {
    const r = await save(env, globexSource({ enabled: false }));
    expect(r.test?.jira.status).toBe('ok');
    expect(r.source.enabled).toBe(false);
    expect(r.source.awaitingTest).toBeUndefined();
  });
});

describe('sources/save reports every field problem at once', () => {
  let env: AdminEnv;
  beforeEach(async () => {
    env = await startAdminEnv();
    await env.call('sources/list', {});
  });
  afterEach(() => env.close());

  it('names each wrong field in one answer and stores nothing', async () => {
    const r = await env.call(
      'sources/save',
      globexSource({ jiraUrl: 'http://globex.atlassian.net', jiraEmail: 'gina', jiraToken: 'short', confluenceUrl: 'https://globex.atlassian.net/browse/X', confluenceEmail: 'nope', viewGroups: ['team-laeds'] }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.fields?.map((f) => f.field)).toEqual(['jiraUrl', 'jiraEmail', 'jiraToken', 'confluenceUrl', 'confluenceEmail', 'viewGroups.0']);
    expect(r.error).toMatchObject({ code: 'BAD_REQUEST', field: 'jiraUrl' });
    expect(await env.config.getDataSource('ds-1')).toBeUndefined();
    expect(env.kvs.secrets.size).toBe(0);
  });
});

describe('a new source finds Confluence on its own site', () => {
  it('fills the Confluence URL when Confluence answers there as the same account', async () => {
    const env = await startAdminEnv({ sites: [hostSite(), globexSite(new Date(), { confluence: true })] });
    try {
      await env.call('sources/list', {});
      const r = await save(env, globexSource());
      expect(r.source).toMatchObject({ enabled: true, confluenceUrl: 'https://globex.atlassian.net/wiki' });
      expect(r.test?.confluence?.status).toBe('ok');
      expect(r.notes).toEqual([expect.stringMatching(/Confluence was found on this site and added/)]);
      // The token went to the Jira site only (its /wiki included), nowhere else.
      const asOwner = env.emu.requestLog.filter((x) => x.identity.includes('g-owner'));
      expect(asOwner.some((x) => x.path.startsWith('/wiki/'))).toBe(true);
      expect(new Set(asOwner.map((x) => x.site))).toEqual(new Set(['globex']));
    } finally {
      env.close();
    }
  });

  it('leaves it empty, and says so, when the site has no Confluence; the source is still enabled', async () => {
    const env = await startAdminEnv();
    try {
      await env.call('sources/list', {});
      const r = await save(env, globexSource());
      expect(r.source.enabled).toBe(true);
      expect(r.source.confluenceUrl).toBeUndefined();
      expect(r.test?.confluence).toBeUndefined();
      expect(r.problems).toBeUndefined();
      expect(r.notes).toEqual([expect.stringMatching(/no Confluence/)]);
    } finally {
      env.close();
    }
  });
});
