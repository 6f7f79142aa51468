import { createSiteEmulator, type SiteEmulator } from '../../local/site/emulator';
import { gatewayScopes, scopesAllow } from '../../local/site/gateway-scopes';
import { allRoutes } from '../../local/site/routes';
import { call } from './helpers';
import { smallSite } from './fixtures/small-site';

/**
 * Scoped API tokens: refused on the site's own address like a wrong token, served through the
 * API gateway (api.atlassian.com/ex/{jira|confluence}/{cloudId}) within their scopes only.
 */
const CLOUD_ID = '11111111-2222-3333-4444-555555555555';
const SCOPED = 'scoped-ada-jira-work-only';
const FULL = 'scoped-ada-all-read';
const GATEWAY = 'api.atlassian.com';
const ada = (token: string): { token: [string, string] } => ({ token: ['ada@acme.test', token] });

let emu: SiteEmulator;
beforeAll(async () => {
  const site = smallSite();
  const user = site.users.find((u) => u.accountId === 'u-ada')!;
  user.scopedTokens = [
    { token: SCOPED, scopes: ['read:jira-work'] },
    { token: FULL, scopes: ['read:jira-work', 'read:jira-user', 'read:confluence-user', 'search:confluence', 'read:page:confluence'] },
  ];
  emu = await createSiteEmulator({ sites: [site] });
});
afterAll(() => emu.close());

describe('the API gateway for scoped tokens', () => {
  it('answers the cloud id at /_edge/tenant_info without credentials', async () => {
    const r = await call(emu.baseUrl, 'GET', '/_edge/tenant_info', { auth: { none: true } });
    expect(r).toMatchObject({ status: 200, json: { cloudId: CLOUD_ID } });
  });

  it('refuses a scoped token on the site address exactly like a wrong token', async () => {
    const scoped = await call(emu.baseUrl, 'GET', '/rest/api/3/myself', { auth: ada(FULL) });
    const wrong = await call(emu.baseUrl, 'GET', '/rest/api/3/myself', { auth: ada('not-a-token') });
    expect(scoped.status).toBe(401);
    expect(scoped.json).toEqual(wrong.json);
    expect(scoped.headers['x-seraph-loginreason']).toBe(wrong.headers['x-seraph-loginreason']);
  });

  it('serves Jira and Confluence through /ex/{product}/{cloudId} for a scoped token', async () => {
    const me = await call(emu.baseUrl, 'GET', `/ex/jira/${CLOUD_ID}/rest/api/3/myself`, { host: GATEWAY, auth: ada(FULL) });
    expect(me).toMatchObject({ status: 200, json: { accountId: 'u-ada' } });
    const conf = await call(emu.baseUrl, 'GET', `/ex/confluence/${CLOUD_ID}/wiki/rest/api/user/current`, { host: GATEWAY, auth: ada(FULL) });
    expect(conf).toMatchObject({ status: 200, json: { accountId: 'u-ada' } });
    expect(emu.requestLog.at(-1)).toMatchObject({ site: 'acme', via: 'gateway', endpoint: 'GET /wiki/rest/api/user/current' });
  });

  it('refuses a call outside the token scopes with the gateway 401 "scope does not match"', async () => {
    const inScope = await call(emu.baseUrl, 'GET', `/ex/jira/${CLOUD_ID}/rest/api/3/status`, { host: GATEWAY, auth: ada(SCOPED) });
    expect(inScope.status).toBe(200);
    const out = await call(emu.baseUrl, 'GET', `/ex/jira/${CLOUD_ID}/rest/api/3/myself`, { host: GATEWAY, auth: ada(SCOPED) });
    expect(out.status).toBe(401);
    expect(out.headers['x-failure-category']).toBe('FAILURE_CLIENT_SCOPE_CHECK');
    expect(out.json).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
  });

  it('refuses a classic token, a wrong token, an unknown cloud id and a path of the other product', async () => {
    const classic = await call(emu.baseUrl, 'GET', `/ex/jira/${CLOUD_ID}/rest/api/3/myself`, { host: GATEWAY, auth: ada('tok-ada') });
    expect(classic.status).toBe(401);
    expect(classic.headers['x-failure-category']).toBeUndefined();
    const unknown = await call(emu.baseUrl, 'GET', '/ex/jira/99999999-0000-4000-8000-000000000000/rest/api/3/myself', { host: GATEWAY, auth: ada(FULL) });
    expect(unknown.status).toBe(404);
    const crossed = await call(emu.baseUrl, 'GET', `/ex/jira/${CLOUD_ID}/wiki/rest/api/user/current`, { host: GATEWAY, auth: ada(FULL) });
    expect(crossed.status).toBe(404);
  });

  it('knows the scopes of every served operation from the OpenAPI documents', () => {
    for (const r of allRoutes) expect([`${r.method} ${r.template}`, gatewayScopes(r.method, r.template).length > 0]).toEqual([`${r.method} ${r.template}`, true]);
    expect(gatewayScopes('GET', '/rest/api/3/myself')[0]).toEqual(['read:jira-user']);
    expect(scopesAllow('GET', '/rest/api/3/myself', ['read:jira-user'])).toBe(true);
    // The granular alternative works too, but only when complete.
    expect(scopesAllow('GET', '/rest/api/3/myself', ['read:user:jira'])).toBe(false);
    expect(scopesAllow('GET', '/wiki/api/v2/pages', ['read:page:confluence'])).toBe(true);
  });
});

