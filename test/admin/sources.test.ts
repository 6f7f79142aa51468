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

  it.each([
    [{ since: '2026-11-10', until: '2026-11-01' }, 'until', /before the start/],
    [{ since: '2026-12-01', until: '2026-12-02' }, 'since', /future/],
    [{ since: '2024-01-01', until: '2026-11-01' }, 'since', /one year/],
  ])('refuses %j', async (range, field, message) => {
    const r = await env.call('sources/fetch-now', { id: 'host', ...range });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field, message: expect.stringMatching(message) } });
    expect(env.sync.started).toHaveLength(0);
  });

  it('refuses a second fetch while one of the same source runs', async () => {
    env.sync.runs.push({ id: 'r-live', dataSourceId: 'host', dataSourceName: 'acme', reason: 'manual', status: 'running', startedAt: '2026-11-20T09:59:00.000Z', progress: { streamsDone: 0, streamsTotal: 4, pages: 0, activities: 0 }, countsByKind: {}, restCalls: 0, rateLimited: 0, errors: [] });
    const r = await env.call('sources/fetch-now', { id: 'host', since: '2026-11-01', until: '2026-11-02' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'id', message: expect.stringContaining('already running') } });
    expect(env.sync.started).toHaveLength(0);
  });

  it('refuses a disabled source', async () => {
    await env.call('sources/set-enabled', { id: 'host', enabled: false });
    expect(await env.call('sources/fetch-now', { id: 'host', since: '2026-11-01', until: '2026-11-02' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('disabled') } });
  });
});
