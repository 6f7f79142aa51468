import { asUser, route } from '@forge/api';
import { type LocalPlatform, realSiteFromEnv } from '../../local/platform';
import { createSiteEmulator, type SiteEmulator } from '../../local/site/emulator';
import { rejection, startFixturePlatform } from './helpers';
import { acmeSite, basic, betaSite } from './fixtures/sites';

const who = (p: LocalPlatform, key: string, accountId: string, payload: unknown = {}) =>
  p.runtime.invokeResolver('ui-resolver', key, payload, { accountId }) as Promise<{ status: number; body: any }>;

describe('emulated sites', () => {
  let p: LocalPlatform;
  beforeAll(async () => { p = await startFixturePlatform({ sites: [acmeSite(), betaSite()], deliverHostEvents: true }); });
  afterAll(async () => { await p.close(); });

  it('asUser().requestJira acts as the invoking user on the host site; asApp() as the app', async () => {
    const user = await who(p, 'myself-as-user', 'acc-bob');
    expect(user.status).toBe(200);
    expect(user.body).toMatchObject({ accountId: 'acc-bob', displayName: 'Bob Roe' });
    const app = await who(p, 'myself-as-app', 'acc-bob');
    expect(app.status).toBe(200);
    expect(app.body.accountId).not.toBe('acc-bob');
    expect(app.body.accountType).toBe('app');
    const log = p.sites!.requestLog.filter((r) => r.path.startsWith('/rest/api/3/myself'));
    expect(log.map((r) => [r.site, r.status])).toEqual([['acme', 200], ['acme', 200]]);
  });

  it('bridgeFetchProduct answers as the signed-in user (what the local host uses for requestJira)', async () => {
    const res = await p.runtime.bridgeFetchProduct('jira', '/rest/api/3/myself', { method: 'GET' }, 'acc-alice');
    expect(res.status).toBe(200);
    expect((await res.json()).accountId).toBe('acc-alice');
  });

  it('the resolver context carries the host cloudId and site URL', async () => {
    const r = (await p.runtime.invokeResolver('ui-resolver', 'whoami', {}, { accountId: 'acc-alice' })) as any;
    expect(r.context).toMatchObject({ cloudId: 'cloud-acme', siteUrl: 'https://acme.atlassian.net', installContext: 'ari:cloud:jira::site/cloud-acme' });
  });

  it('asUser() without a user (e.g. in a trigger) fails with NeedsAuthenticationError', async () => {
    const out = await p.runtime.runInContext({}, () => asUser().requestJira(route`/rest/api/3/myself`));
    expect(out.record.status).toBe('error');
    expect(out.record.error).toContain('NEEDS_AUTHENTICATION_ERR');
  });

  it('plain fetch to another emulated site uses its API-token auth', async () => {
    const ok = (await p.runtime.invokeResolver('ui-resolver', 'fetch-url', { url: 'https://beta.atlassian.net/rest/api/3/myself', headers: { Authorization: basic('carol@beta.test', 'carol-token') } }, { accountId: 'acc-alice' })) as any;
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).accountId).toBe('acc-carol');
    const bad = (await p.runtime.invokeResolver('ui-resolver', 'fetch-url', { url: 'https://beta.atlassian.net/rest/api/3/myself', headers: { Authorization: basic('carol@beta.test', 'wrong') } }, { accountId: 'acc-alice' })) as any;
    expect(bad.status).toBe(401);
    expect(p.sites!.requestLog.some((r) => r.site === 'beta' && r.status === 401)).toBe(true);
  });

  it('deliverHostEvents: a host-site mutation that returns a product event runs the subscribed triggers', async () => {
    p.kvs.reset();
    // A stand-in mutation on the live state object: the delivery hook wraps every method.
    (p.sites!.site('acme') as any).emitTestEvent = (id: string) => ({ eventType: 'avi:jira:created:issue', issue: { id } });
    const ev = (p.sites!.site('acme') as any).emitTestEvent('42');
    expect(ev).toEqual({ eventType: 'avi:jira:created:issue', issue: { id: '42' } });
    await p.runtime.idle();
    const stored = Object.values(p.kvs.dump().plain).map((v: any) => v.event);
    expect(stored).toEqual([{ eventType: 'avi:jira:created:issue', issue: { id: '42' } }]);
    // Other sites' mutations are not delivered.
    (p.sites!.site('beta') as any).emitOther = () => ({ eventType: 'avi:jira:created:issue', issue: { id: 'b' } });
    (p.sites!.site('beta') as any).emitOther();
    await p.runtime.idle();
    expect(Object.keys(p.kvs.dump().plain)).toHaveLength(1);
  });

  it('deliverHostEvents: a real addComment on the host site reaches both comment triggers', async () => {
    p.kvs.reset();
    p.runtime.resetLog();
    const ev = p.sites!.site('acme').addComment('ACME-1', { authorId: 'acc-alice', text: 'hello' }) as { eventType: string; comment?: { id?: string } };
    expect(ev.eventType).toBe('avi:jira:commented:issue');
    await p.runtime.idle();
    expect(p.runtime.invocations.map((r) => r.key).sort()).toEqual(['comment-audit:avi:jira:commented:issue', 'issue-events:avi:jira:commented:issue']);
    const stored = Object.values(p.kvs.dump().plain).find((v: any) => v?.event) as any;
    expect(stored.event).toEqual(JSON.parse(JSON.stringify(ev)));
  });

  it('unknown Forge targets answer a clear 404', async () => {
    const res = await (globalThis as any).__forge_fetch__({ type: 'frc', remote: 'my-remote' }, '/x', {});
    expect(res.status).toBe(404);
    expect((await res.json()).message).toContain('does not emulate');
  });
});

describe('real-site mode (aimed at the emulator through `via`)', () => {
  let sites: SiteEmulator;
  let p: LocalPlatform;
  beforeAll(async () => {
    sites = await createSiteEmulator({ sites: [acmeSite()] });
    p = await startFixturePlatform({ sites: [], realSite: { url: 'https://acme.atlassian.net', email: 'alice@acme.test', token: 'alice-token', via: sites.baseUrl } });
  });
  afterAll(async () => {
    await p.close();
    await sites.close();
  });

  it('host product calls use Basic auth as the configured user, whatever the provider', async () => {
    expect((await who(p, 'myself-as-user', 'acc-bob')).body.accountId).toBe('acc-alice');
    expect((await who(p, 'myself-as-app', 'acc-bob')).body.accountId).toBe('acc-alice');
    expect(sites.requestLog.every((r) => r.site === 'acme')).toBe(true);
    const r = (await p.runtime.invokeResolver('ui-resolver', 'whoami', {}, { accountId: 'acc-bob' })) as any;
    expect(r.context.siteUrl).toBe('https://acme.atlassian.net');
  });

  it('a wrong token is a 401 from the site', async () => {
    await p.close();
    p = await startFixturePlatform({ sites: [], realSite: { url: 'https://acme.atlassian.net', email: 'alice@acme.test', token: 'nope', via: sites.baseUrl } });
    expect((await who(p, 'myself-as-app', 'acc-bob')).status).toBe(401);
  });

  it('takes the real site from ACTIVITYPULSE_SITE_URL / _EMAIL / _API_TOKEN (only when asked to under jest)', async () => {
    const env = { ACTIVITYPULSE_SITE_URL: 'https://real.atlassian.net', ACTIVITYPULSE_EMAIL: 'me@x.test', ACTIVITYPULSE_API_TOKEN: 't' };
    expect(realSiteFromEnv(env)).toEqual({ url: 'https://real.atlassian.net', email: 'me@x.test', token: 't' });
    expect(realSiteFromEnv({ ...env, ACTIVITYPULSE_API_TOKEN: '' })).toBeUndefined();
    await p.close();
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      p = await startFixturePlatform({ sites: [] });
      expect(p.runtime.realSiteMode).toBe(false);
      await p.close();
      p = await startFixturePlatform({ sites: [], useEnv: true });
      expect(p.runtime.realSiteMode).toBe(true);
      expect(p.runtime.hostSiteUrl).toBe('https://real.atlassian.net');
    } finally {
      process.env = saved;
    }
  });

  it('starting a second platform while one runs is refused', async () => {
    expect((await rejection(() => startFixturePlatform({ sites: [] }))).message).toContain('already running');
  });
});
