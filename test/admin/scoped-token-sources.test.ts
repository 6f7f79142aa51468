import { ALL_SCOPED_TOKEN_SCOPES } from '../../src/shared/scoped-token-scopes';
import { startAdminEnv, type AdminEnv } from './helpers/admin-env';
import { GLOBEX_TOKEN, globexSite, hostSite } from './helpers/sites';

/**
 * Scoped API tokens on the admin page: the kind is chosen on the form, the cloud id is read from
 * the site, every call goes through the API gateway, and Test connection tells a token of the
 * other kind, and a scoped token short of a scope, from a wrong token.
 */
const SCOPED = 'ATSTT3xFfGF0-globex-scoped-token-0001';
const NARROW = 'ATSTT3xFfGF0-globex-scoped-narrow-0002';
const GLOBEX_CLOUD_ID = 'bbbbbbbb-0000-4000-8000-000000000002';

function sites() {
  const globex = globexSite(new Date(), { confluence: true });
  const owner = globex.users.find((u) => u.accountId === 'g-owner')!;
  owner.scopedTokens = [
    { token: SCOPED, scopes: [...ALL_SCOPED_TOKEN_SCOPES] },
    // Can search issues but not read who it is (/myself needs read:jira-user).
    { token: NARROW, scopes: ['read:jira-work'] },
  ];
  return [hostSite(), globex];
}

const save = (env: AdminEnv, over: Record<string, unknown> = {}) =>
  env.call('sources/save', { name: 'Globex', enabled: true, jiraUrl: 'https://globex.atlassian.net', jiraEmail: 'gina@globex.test', ...over });

type Check = { status: string; title: string; advice: string };
async function test(env: AdminEnv, id = 'ds-1'): Promise<{ jira: Check; confluence?: Check }> {
  const r = await env.call('sources/test', { id });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data as { jira: Check; confluence?: Check };
}

describe('scoped API token sources', () => {
  let env: AdminEnv;
  beforeEach(async () => {
    env = await startAdminEnv({ sites: sites() });
  });
  afterEach(() => env.close());

  it('stores the kind and the cloud id read from the site; the test signs in through the gateway', async () => {
    const r = await save(env, { jiraToken: SCOPED, tokenKind: 'scoped', confluenceUrl: 'https://globex.atlassian.net/wiki' });
    expect(r).toMatchObject({ ok: true, data: { source: { tokenKind: 'scoped', cloudId: GLOBEX_CLOUD_ID } } });
    const t = await test(env);
    expect(t.jira).toMatchObject({ status: 'ok' });
    expect(t.confluence).toMatchObject({ status: 'ok' });
    const globexCalls = env.emu.requestLog.filter((e) => e.site === 'globex' && e.endpoint !== 'GET (unmatched)');
    expect(globexCalls.map((e) => e.via)).toEqual(globexCalls.map(() => 'gateway'));
    expect(JSON.stringify(r)).not.toContain(SCOPED);
  });

  it('tells a scoped token saved as a classic one apart from a wrong token', async () => {
    await save(env, { jiraToken: SCOPED });
    expect((await test(env)).jira).toMatchObject({ status: 'wrong-token-kind', title: 'This is a scoped API token', advice: expect.stringMatching(/Scoped API token/) });
    await save(env, { id: 'ds-1', jiraToken: 'ATATT3xFfGF0-not-a-real-token-0000' });
    expect((await test(env)).jira).toMatchObject({ status: 'auth-failed', title: 'Authentication failed' });
  });

  it('tells a classic token saved as a scoped one', async () => {
    await save(env, { jiraToken: GLOBEX_TOKEN, tokenKind: 'scoped' });
    expect((await test(env)).jira).toMatchObject({ status: 'wrong-token-kind', title: 'This is a classic API token' });
  });

  it('says which scopes to give a scoped token the gateway refuses for a missing scope', async () => {
    await save(env, { jiraToken: NARROW, tokenKind: 'scoped' });
    const { jira } = await test(env);
    expect(jira).toMatchObject({ status: 'missing-scope', advice: expect.stringContaining('read:jira-user') });
  });

  it('asks for the token again when the kind changes, and keeps everything when it is refused', async () => {
    await save(env, { jiraToken: GLOBEX_TOKEN });
    const before = await env.config.getDataSource('ds-1');
    const r = await save(env, { id: 'ds-1', tokenKind: 'scoped' });
    expect(r).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/again: the token kind changed/), field: 'jiraToken' } });
    expect(await env.config.getDataSource('ds-1')).toEqual(before);
    expect(env.kvs.secrets.get('secret:ds-1:jira-token')).toBe(GLOBEX_TOKEN);
    expect(await save(env, { id: 'ds-1', tokenKind: 'scoped', jiraToken: SCOPED })).toMatchObject({ ok: true, data: { source: { tokenKind: 'scoped' } } });
  });

  it('refuses Confluence on another site with a scoped token, and a site whose cloud id cannot be read', async () => {
    const other = await save(env, { jiraToken: SCOPED, tokenKind: 'scoped', confluenceUrl: 'https://initech.atlassian.net/wiki', confluenceToken: SCOPED });
    expect(other).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'confluenceUrl', message: expect.stringMatching(/same site/) } });
    const gone = await save(env, { jiraUrl: 'https://initech.atlassian.net', jiraToken: SCOPED, tokenKind: 'scoped' });
    expect(gone).toMatchObject({ ok: false, error: { code: 'UNREACHABLE', field: 'tokenKind', message: expect.stringMatching(/cloud id of initech\.atlassian\.net/) } });
    expect(await env.config.getDataSource('ds-1')).toBeUndefined();
    expect(env.kvs.secrets.size).toBe(0);
  });
});
