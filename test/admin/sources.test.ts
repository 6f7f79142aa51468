import { startAdminEnv, type AdminEnv } from './helpers/admin-env';
import { GLOBEX_TOKEN, globexSite, hostSite } from './helpers/sites';

const WRONG_TOKEN = 'ATATT3xFfGF0-wrong-token-000000000';

const globex = (over: Record<string, unknown> = {}) => ({
  name: 'Globex',
  enabled: true,
  jiraUrl: 'https://globex.atlassian.net/browse/GLX-1',
  jiraEmail: 'gina@globex.test',
  jiraToken: GLOBEX_TOKEN,
  ...over,
});

/** Everything stored outside the secrets, as one string: no token may ever appear in it. */
const plainValues = (env: AdminEnv) => JSON.stringify([...env.kvs.values.entries()]);

describe('data sources', () => {
  let env: AdminEnv;
  beforeEach(async () => {
    env = await startAdminEnv();
  });
  afterEach(() => env.close());

  it('lists the host site first, created on first use, with Confluence when the site has it', async () => {
    const r = await env.call('sources/list', {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const data = r.data as { sources: { id: string; kind: string; jiraUrl: string; confluenceUrl?: string }[]; historyDays: number };
    expect(data.sources[0]).toMatchObject({ id: 'host', kind: 'host', jiraUrl: 'https://acme.atlassian.net' });
    expect(data.historyDays).toBe(90);
    const saved = await env.call('sources/save', globex());
    expect(saved.ok).toBe(true);
    const again = await env.call('sources/list', {});
    if (again.ok) expect((again.data as typeof data).sources.map((s) => s.id)).toEqual(['host', 'ds-1']);
  });

  it('saves a source with a normalised URL, keeps the token in secrets only and never returns it', async () => {
    const r = await env.call('sources/save', globex({ confluenceUrl: 'globex.atlassian.net/wiki/spaces/X' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const source = (r.data as { source: Record<string, unknown> }).source;
    expect(source).toMatchObject({ id: 'ds-1', kind: 'cloud', jiraUrl: 'https://globex.atlassian.net', confluenceUrl: 'https://globex.atlassian.net/wiki', jiraEmail: 'gina@globex.test' });
    expect(source.jiraTokenSetAt).toEqual(expect.any(String));
    expect(JSON.stringify(r)).not.toContain(GLOBEX_TOKEN);
    expect(plainValues(env)).not.toContain(GLOBEX_TOKEN);
    expect(env.kvs.secrets.get('secret:ds-1:jira-token')).toBe(GLOBEX_TOKEN);
    const listed = await env.call('sources/list', {});
    expect(JSON.stringify(listed)).not.toContain(GLOBEX_TOKEN);
  });

  it.each([
    [{ jiraUrl: 'http://globex.atlassian.net' }, 'jiraUrl', /https/],
    [{ jiraUrl: 'https://jira.globex.com' }, 'jiraUrl', /Data Center and Server cannot be connected/],
    [{ jiraUrl: 'https://globex.atlassian.net.evil.com' }, 'jiraUrl', /not an Atlassian Cloud address/],
    [{ jiraUrl: 'https://192.168.0.1' }, 'jiraUrl', /IP address/],
    [{ jiraUrl: 'https://acme.atlassian.net' }, 'jiraUrl', /already connected/],
    [{ jiraEmail: 'gina' }, 'jiraEmail', /not an email address/],
    [{ jiraToken: '' }, 'jiraToken', /Paste the API token/],
    [{ jiraToken: 'ATATT3xFfGF0 globex owner token' }, 'jiraToken', /spaces/],
    [{ confluenceUrl: 'https://globex.atlassian.net/browse/GLX-1' }, 'confluenceUrl', /\/wiki/],
    [{ confluenceUrl: 'https://globex.atlassian.net/wiki', confluenceEmail: 'nope' }, 'confluenceEmail', /not an email/],
    [{ confluenceToken: 'ATATT3xFfGF0-conf-token-0000000' }, 'confluenceUrl', /Enter the Confluence URL/],
  ])('refuses %j with a message next to %s and stores nothing', async (over, field, message) => {
    const r = await env.call('sources/save', globex(over));
    expect(r).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(message), field } });
    expect(await env.config.getDataSource('ds-1')).toBeUndefined();
    expect(env.kvs.secrets.size).toBe(0);
  });

  it('refuses a second source for the same site', async () => {
    await env.call('sources/save', globex());
    const r = await env.call('sources/save', globex({ name: 'Again', jiraUrl: 'https://GLOBEX.atlassian.net/' }));
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'jiraUrl' } });
  });

  it('edits without a token keep the saved one; a new token replaces it', async () => {
    await env.call('sources/save', globex());
    const edit = await env.call('sources/save', { id: 'ds-1', name: 'Globex Corp', enabled: true, jiraUrl: 'https://globex.atlassian.net', jiraEmail: 'gina@globex.test' });
    expect(edit.ok).toBe(true);
    expect(env.kvs.secrets.get('secret:ds-1:jira-token')).toBe(GLOBEX_TOKEN);
    await env.call('sources/save', { id: 'ds-1', name: 'Globex Corp', enabled: true, jiraUrl: 'https://globex.atlassian.net', jiraEmail: 'gina@globex.test', jiraToken: WRONG_TOKEN });
    expect(env.kvs.secrets.get('secret:ds-1:jira-token')).toBe(WRONG_TOKEN);
  });

  it('refuses to edit the host site, or an id that does not exist', async () => {
    expect(await env.call('sources/save', globex({ id: 'host' }))).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'id' } });
    expect(await env.call('sources/save', globex({ id: 'ds-404' }))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('enables and disables a source', async () => {
    await env.call('sources/list', {});
    const r = await env.call('sources/set-enabled', { id: 'host', enabled: false });
    expect(r).toMatchObject({ ok: true, data: { source: { id: 'host', enabled: false } } });
    expect((await env.config.getDataSource('host'))?.enabled).toBe(false);
    expect(await env.call('sources/set-enabled', { id: 'ds-9', enabled: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('deletes a source with its secrets and the teammate IDs scoped to it; the host cannot be deleted', async () => {
    await env.call('sources/list', {});
    await env.call('sources/save', globex());
    await env.call('teammates/save', { name: 'Sam', externalIds: [{ dataSourceId: 'ds-1', type: 'accountId', value: 'g-sam' }, { dataSourceId: '*', type: 'accountId', value: 'u-lead' }] });
    expect(await env.call('sources/delete', { id: 'host' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await env.call('sources/delete', { id: 'ds-1' })).toEqual({ ok: true, data: { deleted: 'ds-1' } });
    expect(env.kvs.secrets.size).toBe(0);
    expect(await env.config.getDataSource('ds-1')).toBeUndefined();
    const doc = await env.config.getTeammates();
    expect(doc.teammates[0].externalIds).toEqual([{ dataSourceId: '*', type: 'accountId', value: 'u-lead' }]);
    expect(await env.call('sources/delete', { id: 'ds-1' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('a saved token stays with the site it was entered for', () => {
  let env: AdminEnv;
  const CONF_TOKEN = 'ATATT3xFfGF0-globex-wiki-token-0002';
  const NEW_TOKEN = 'ATATT3xFfGF0-initech-owner-token-03';
  const edit = (over: Record<string, unknown> = {}) => ({ id: 'ds-1', name: 'Globex', enabled: true, jiraUrl: 'https://globex.atlassian.net', jiraEmail: 'gina@globex.test', ...over });
  const AGAIN = /Enter the API token again: the site changed/;
  beforeEach(async () => {
    env = await startAdminEnv();
    expect((await env.call('sources/save', globex({ jiraUrl: 'https://globex.atlassian.net' }))).ok).toBe(true);
  });
  afterEach(() => env.close());

  it('refuses a changed Jira site without a new token, and keeps everything as it was', async () => {
    const before = await env.config.getDataSource('ds-1');
    const r = await env.call('sources/save', edit({ jiraUrl: 'https://initech.atlassian.net' }));
    expect(r).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(AGAIN), field: 'jiraToken' } });
    expect(await env.config.getDataSource('ds-1')).toEqual(before);
    expect(env.kvs.secrets.get('secret:ds-1:jira-token')).toBe(GLOBEX_TOKEN);
  });

  it('replaces the secret when the changed site comes with a new token', async () => {
    const r = await env.call('sources/save', edit({ jiraUrl: 'https://initech.atlassian.net', jiraToken: NEW_TOKEN }));
    expect(r).toMatchObject({ ok: true, data: { source: { jiraUrl: 'https://initech.atlassian.net', jiraTokenSetAt: expect.any(String) } } });
    expect(env.kvs.secrets.get('secret:ds-1:jira-token')).toBe(NEW_TOKEN);
    expect(await env.config.getCredentials('ds-1', 'jira')).toEqual({ email: 'gina@globex.test', token: NEW_TOKEN });
  });

  it('a page address on the same site is no change of site: the token stays', async () => {
    const r = await env.call('sources/save', edit({ jiraUrl: 'GLOBEX.atlassian.net/browse/GLX-2' }));
    expect(r.ok).toBe(true);
    expect(env.kvs.secrets.get('secret:ds-1:jira-token')).toBe(GLOBEX_TOKEN);
  });

  it('refuses Confluence on another site without its own token: the Jira token is only used on the same site', async () => {
    const r = await env.call('sources/save', edit({ confluenceUrl: 'https://initech.atlassian.net/wiki' }));
    expect(r).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/another site than Jira/), field: 'confluenceToken' } });
    expect((await env.config.getDataSource('ds-1'))?.confluenceUrl).toBeUndefined();
    const same = await env.call('sources/save', edit({ confluenceUrl: 'https://globex.atlassian.net/wiki' }));
    expect(same.ok).toBe(true);
    const own = await env.call('sources/save', edit({ confluenceUrl: 'https://initech.atlassian.net/wiki', confluenceToken: CONF_TOKEN }));
    expect(own.ok).toBe(true);
    expect(await env.config.getCredentials('ds-1', 'confluence')).toEqual({ email: 'gina@globex.test', token: CONF_TOKEN });
  });

  it('a changed Confluence site needs its token again; the old secret is deleted once a new site is saved', async () => {
    await env.call('sources/save', edit({ confluenceUrl: 'https://globex.atlassian.net/wiki', confluenceToken: CONF_TOKEN }));
    const r = await env.call('sources/save', edit({ confluenceUrl: 'https://initech.atlassian.net/wiki' }));
    expect(r).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(AGAIN), field: 'confluenceToken' } });
    expect(env.kvs.secrets.get('secret:ds-1:confluence-token')).toBe(CONF_TOKEN);
    // Moving Jira and Confluence together with a new Jira token: the Confluence token saved for
    // the old site is deleted and Confluence, now on Jira's site, uses the new Jira token.
    const moved = await env.call('sources/save', edit({ jiraUrl: 'https://initech.atlassian.net', jiraToken: NEW_TOKEN, confluenceUrl: 'https://initech.atlassian.net/wiki' }));
    expect(moved).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(AGAIN), field: 'confluenceToken' } });
    const both = await env.call('sources/save', edit({ jiraUrl: 'https://initech.atlassian.net', jiraToken: NEW_TOKEN, confluenceUrl: 'https://initech.atlassian.net/wiki', confluenceToken: CONF_TOKEN.replace('0002', '0004') }));
    expect(both.ok).toBe(true);
    expect(env.kvs.secrets.get('secret:ds-1:confluence-token')).toBe(CONF_TOKEN.replace('0002', '0004'));
  });

  it('a changed Jira site with a new token drops the Confluence token of the old site when Confluence moves too', async () => {
    await env.call('sources/save', edit({ confluenceUrl: 'https://globex.atlassian.net/wiki' }));
    // Confluence used the Jira token; it stays behind on the old site, where no token is bound now.
    const r = await env.call('sources/save', edit({ jiraUrl: 'https://initech.atlassian.net', jiraToken: NEW_TOKEN, confluenceUrl: 'https://globex.atlassian.net/wiki' }));
    expect(r).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/another site than Jira/), field: 'confluenceToken' } });
    expect(env.kvs.secrets.get('secret:ds-1:jira-token')).toBe(GLOBEX_TOKEN);
    const together = await env.call('sources/save', edit({ jiraUrl: 'https://initech.atlassian.net', jiraToken: NEW_TOKEN, confluenceUrl: 'https://initech.atlassian.net/wiki' }));
    expect(together.ok).toBe(true);
    expect(await env.config.getCredentials('ds-1', 'confluence')).toEqual({ email: 'gina@globex.test', token: NEW_TOKEN });
  });

  it('never lends the Jira token to Confluence on another site, whatever the stored document says', async () => {
    const ds = (await env.config.getDataSource('ds-1'))!;
    // A document written by an older version: Confluence elsewhere, no token of its own.
    await env.config.saveDataSource({ ...ds, confluenceUrl: 'https://initech.atlassian.net/wiki' });
    await expect(env.config.getCredentials('ds-1', 'confluence')).rejects.toMatchObject({ kind: 'missing-credentials' });
    await expect(env.config.getCredentials('ds-1', 'jira')).resolves.toEqual({ email: 'gina@globex.test', token: GLOBEX_TOKEN });
  });
});

describe('test connection', () => {
  let env: AdminEnv;
  beforeEach(async () => {
    env = await startAdminEnv();
    await env.call('sources/list', {});
  });
  afterEach(() => env.close());

  it('reports "Authentication failed" for a wrong token, then "Connected as" once it is replaced', async () => {
    await env.call('sources/save', globex({ jiraToken: WRONG_TOKEN }));
    const bad = await env.call('sources/test', { id: 'ds-1' });
    expect(bad).toMatchObject({ ok: true, data: { jira: { status: 'auth-failed', title: 'Authentication failed', advice: expect.stringMatching(/revoked|spaces/) } } });
    await env.call('sources/save', { id: 'ds-1', name: 'Globex', enabled: true, jiraUrl: 'https://globex.atlassian.net', jiraEmail: 'gina@globex.test', jiraToken: GLOBEX_TOKEN });
    const good = await env.call('sources/test', { id: 'ds-1' });
    expect(good).toMatchObject({ ok: true, data: { jira: { status: 'ok', connectedAs: { accountId: 'g-owner', displayName: 'Gina Owner' } } } });
    expect(JSON.stringify(good)).not.toContain(GLOBEX_TOKEN);
  });

  it('says the site is unreachable when the name does not resolve', async () => {
    await env.call('sources/save', globex({ jiraUrl: 'https://initech.atlassian.net' }));
    const r = await env.call('sources/test', { id: 'ds-1' });
    expect(r).toMatchObject({ ok: true, data: { jira: { status: 'unreachable', advice: expect.stringContaining('https://initech.atlassian.net') } } });
  });

  it('reports "Forbidden" when the account has no Jira access', async () => {
    const raw = env.emu.site('globex').raw as unknown as { users: { accountId: string; products?: string[] }[] };
    raw.users.find((u) => u.accountId === 'g-owner')!.products = ['confluence'];
    await env.call('sources/save', globex());
    expect(await env.call('sources/test', { id: 'ds-1' })).toMatchObject({ ok: true, data: { jira: { status: 'forbidden', title: 'Forbidden' } } });
  });

  it('reports rate limiting with the wait the site asked for', async () => {
    await env.call('sources/save', globex());
    env.emu.faults.add({ match: { site: 'globex', pathPrefix: '/rest/api/3/myself' }, type: 'status429', retryAfterSec: 40, times: 1 });
    expect(await env.call('sources/test', { id: 'ds-1' })).toMatchObject({ ok: true, data: { jira: { status: 'rate-limited', advice: expect.stringMatching(/wait/) } } });
  });

  it('reports "Not found" for Confluence on a site that has none, and says the Jira token was used', async () => {
    await env.call('sources/save', globex({ confluenceUrl: 'https://globex.atlassian.net/wiki' }));
    const r = await env.call('sources/test', { id: 'ds-1' });
    expect(r).toMatchObject({ ok: true, data: { jira: { status: 'ok' }, confluence: { status: 'not-found', title: 'Not found', advice: expect.stringContaining('/wiki') } } });
  });

  it('tests the host site as the app, Confluence included', async () => {
    const r = await env.call('sources/test', { id: 'host' });
    expect(r).toMatchObject({ ok: true, data: { jira: { status: 'ok' }, confluence: { status: 'ok' } } });
  });

  it('tests Confluence with the Jira email and token when its own fields are empty', async () => {
    await env.close();
    env = await startAdminEnv({ sites: [hostSite(), globexSite(new Date(), { confluence: true })] });
    await env.call('sources/list', {});
    await env.call('sources/save', globex({ confluenceUrl: 'https://globex.atlassian.net/wiki' }));
    const r = await env.call('sources/test', { id: 'ds-1' });
    expect(r).toMatchObject({ ok: true, data: { jira: { status: 'ok' }, confluence: { status: 'ok', connectedAs: { accountId: 'g-owner' } } } });
    await env.call('sources/save', globex({ id: 'ds-1', jiraToken: '', confluenceUrl: 'https://globex.atlassian.net/wiki', confluenceToken: 'ATATT3xFfGF0-bad-confluence-token' }));
    const bad = await env.call('sources/test', { id: 'ds-1' });
    expect(bad).toMatchObject({ ok: true, data: { jira: { status: 'ok' }, confluence: { status: 'auth-failed' } } });
  });

  it('answers NOT_FOUND for an unknown source', async () => {
    expect(await env.call('sources/test', { id: 'ds-77' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('fetch now', () => {
  let env: AdminEnv;
  beforeEach(async () => {
    env = await startAdminEnv({ now: new Date('2026-11-20T10:00:00Z') });
    await env.call('sources/list', {});
  });
  afterEach(() => env.close());

  it('starts a sync of that source over whole days, the end day included', async () => {
    const r = await env.call('sources/fetch-now', { id: 'host', since: '2026-11-01', until: '2026-11-10' });
    expect(r).toEqual({ ok: true, data: { runIds: ['run-1'] } });
    expect(env.sync.started).toEqual([{ dataSourceId: 'host', window: { sinceMs: Date.parse('2026-11-01T00:00:00Z'), untilMs: Date.parse('2026-11-11T00:00:00Z') }, reason: 'manual' }]);
  });

  it('ends the window at now when the range reaches today', async () => {
    await env.call('sources/fetch-now', { id: 'host', since: '2026-11-19', until: '2026-11-20' });
    expect(env.sync.started[0].window.untilMs).toBe(Date.parse('2026-11-20T10:00:00Z'));
  });

  it("accepts today where it is already tomorrow in UTC (the earliest time zone), ending the window at now", async () => {
    expect(await env.call('sources/fetch-now', { id: 'host', since: '2026-11-19', until: '2026-11-21' })).toMatchObject({ ok: true });
    expect(env.sync.started[0].window.untilMs).toBe(Date.parse('2026-11-20T10:00:00Z'));
  });

  it.each([
    [{ since: '2026-11-10', until: '2026-11-01' }, 'until', /before the start/],
    [{ since: '2026-12-01', until: '2026-12-02' }, 'until', /end date is in the future/],
    [{ since: '2026-11-19', until: '2026-11-22' }, 'until', /^The end date is in the future: choose today or earlier\.$/],
    [{ since: '2024-01-01', until: '2026-11-01' }, 'since', /one year/],
  ])('refuses %j', async (range, field, message) => {
    const r = await env.call('sources/fetch-now', { id: 'host', ...range });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field, message: expect.stringMatching(message) } });
    expect(env.sync.started).toHaveLength(0);
  });

  it('refuses a second fetch while one of the same source runs', async () => {
    env.sync.runs.push({ id: 'r-live', dataSourceId: 'host', dataSourceName: 'acme', reason: 'manual', status: 'running', startedAt: '2026-11-20T09:59:00.000Z', progress: { streamsDone: 0, streamsTotal: 4, pages: 0, activities: 0 }, streams: [], countsByKind: {}, restCalls: 0, rateLimited: 0, errors: [] });
    const r = await env.call('sources/fetch-now', { id: 'host', since: '2026-11-01', until: '2026-11-02' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'id', message: expect.stringContaining('already running') } });
    expect(env.sync.started).toHaveLength(0);
  });

  it('refuses a disabled source', async () => {
    await env.call('sources/set-enabled', { id: 'host', enabled: false });
    expect(await env.call('sources/fetch-now', { id: 'host', since: '2026-11-01', until: '2026-11-02' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('disabled') } });
  });
});
