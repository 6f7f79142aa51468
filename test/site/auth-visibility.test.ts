import { createSiteEmulator, type SiteEmulator } from '../../local/site/emulator';
import { jiraOnlySite, smallSite } from './fixtures/small-site';
import { APP, asUser, call, type Auth, type Json } from './helpers';

/** Identities (API token, Forge app/user), 401/403/404 behaviour and per-user visibility. */

let emu: SiteEmulator;
beforeEach(async () => {
  emu = await createSiteEmulator({ sites: [smallSite(), jiraOnlySite()] });
});
afterEach(() => emu.close());

const token = (email: string, t: string): Auth => ({ token: [email, t] });

describe('API-token authentication', () => {
  it('accepts a matching email and token and answers as that user', async () => {
    const r = await call(emu.baseUrl, 'GET', '/rest/api/3/myself', { auth: token('BOB@acme.test', 'tok-bob') });
    expect(r.status).toBe(200);
    expect((r.json as Json).accountId).toBe('u-bob');
    // Own email is visible to oneself even when hidden from others.
    expect((r.json as Json).emailAddress).toBe('bob@acme.test');
  });

  it('answers 401 with a Jira error body for a bad token, no credentials, or an inactive user', async () => {
    for (const auth of [token('bob@acme.test', 'wrong'), token('nobody@acme.test', 'x'), { none: true } as Auth, token('dan@acme.test', 'tok-dan')]) {
      const r = await call(emu.baseUrl, 'GET', '/rest/api/3/myself', { auth });
      expect(r.status).toBe(401);
      expect(r.json).toEqual({ errorMessages: [expect.stringMatching(/authenticated/)], errors: {} });
    }
  });

  it('answers 403 for a valid user without access to the product', async () => {
    const jira = await call(emu.baseUrl, 'GET', '/rest/api/3/myself', { auth: token('eve@acme.test', 'tok-eve') });
    expect(jira.status).toBe(403);
    const wiki = await call(emu.baseUrl, 'GET', '/wiki/rest/api/user/current', { auth: token('eve@acme.test', 'tok-eve') });
    expect(wiki.status).toBe(200);
    expect((wiki.json as Json).accountId).toBe('u-eve');
  });

  it('stops accepting a revoked token', async () => {
    emu.site('acme').revokeToken('bob@acme.test');
    const r = await call(emu.baseUrl, 'GET', '/rest/api/3/myself', { auth: token('bob@acme.test', 'tok-bob') });
    expect(r.status).toBe(401);
  });

  it('keeps sites apart: a token works only on its own site', async () => {
    const own = await call(emu.baseUrl, 'GET', '/rest/api/3/myself', { site: 'beta-corp', auth: token('bea@beta.test', 'tok-bea') });
    expect(own.status).toBe(200);
    const other = await call(emu.baseUrl, 'GET', '/rest/api/3/myself', { site: 'acme', auth: token('bea@beta.test', 'tok-bea') });
    expect(other.status).toBe(401);
  });
});

describe('sites and products', () => {
  it('answers 404 on every /wiki path of a site without Confluence', async () => {
    for (const path of ['/wiki/rest/api/user/current', '/wiki/api/v2/pages', '/wiki/rest/api/search?cql=type%3Dpage']) {
      const r = await call(emu.baseUrl, 'GET', path, { site: 'beta-corp', auth: token('bea@beta.test', 'tok-bea') });
      expect(r.status).toBe(404);
    }
  });

  it('answers 404 for an unknown site, and 400 naming the violation for a path no document defines', async () => {
    expect((await call(emu.baseUrl, 'GET', '/rest/api/3/myself', { site: 'nowhere' })).status).toBe(404);
    const r = await call(emu.baseUrl, 'GET', '/rest/api/3/nothing-here');
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.json)).toMatch(/defines no path matching \/rest\/api\/3\/nothing-here/);
    expect(emu.takeViolations()).toHaveLength(1);
  });

  it('rejects a Forge user identity for an unknown or inactive account', async () => {
    expect((await call(emu.baseUrl, 'GET', '/rest/api/3/myself', { auth: asUser('ghost') })).status).toBe(401);
    expect((await call(emu.baseUrl, 'GET', '/rest/api/3/myself', { auth: asUser('u-dan') })).status).toBe(401);
  });

  it("answers myself with the app's own account for the app identity", async () => {
    const r = await call(emu.baseUrl, 'GET', '/rest/api/3/myself', { auth: APP });
    expect((r.json as Json).accountType).toBe('app');
  });
});

describe('per-user visibility', () => {
  const keys = async (auth: Auth): Promise<string[]> => {
    const r = await call(emu.baseUrl, 'POST', '/rest/api/3/search/jql', { auth, body: { jql: 'created >= 0 ORDER BY key', fields: ['summary'] } });
    return (r.json as Json).issues.map((i: Json) => i.key);
  };

  it('limits issues to browsable projects; the app sees all', async () => {
    expect(await keys(APP)).toEqual(['ALPHA-1', 'ALPHA-2', 'BETA-1', 'OPEN-1', 'OPEN-2', 'OPEN-3', 'OPEN-4']);
    expect(await keys(asUser('u-bob'))).toEqual(['ALPHA-1', 'ALPHA-2', 'OPEN-1', 'OPEN-2', 'OPEN-3', 'OPEN-4']);
    expect(await keys(token('cara@acme.test', 'tok-cara'))).toEqual(['BETA-1', 'OPEN-1', 'OPEN-2', 'OPEN-3', 'OPEN-4']);
  });

  it('answers 404 on per-issue endpoints for issues the caller cannot browse', async () => {
    for (const path of ['/rest/api/3/issue/BETA-1', '/rest/api/3/issue/BETA-1/comment', '/rest/api/3/issue/BETA-1/changelog', '/rest/api/3/issue/BETA-1/worklog']) {
      const r = await call(emu.baseUrl, 'GET', path, { auth: asUser('u-bob') });
      expect(r.status).toBe(404);
      expect((r.json as Json).errorMessages[0]).toMatch(/does not exist or you do not have permission/);
    }
  });

  it('follows browse-group changes made while running', async () => {
    emu.site('acme').setProjectBrowseGroups('BETA', ['team-alpha']);
    expect(await keys(asUser('u-bob'))).toContain('BETA-1');
    expect(await keys(asUser('u-cara'))).not.toContain('BETA-1');
  });

  it('lists only browsable projects in project/search', async () => {
    const r = await call(emu.baseUrl, 'GET', '/rest/api/3/project/search', { auth: asUser('u-cara') });
    expect((r.json as Json).values.map((p: Json) => p.key)).toEqual(['BETA', 'OPEN']);
    expect((r.json as Json).total).toBe(2);
  });

  it('hides restricted spaces and their content from Confluence users', async () => {
    const bob = asUser('u-bob');
    const spaces = await call(emu.baseUrl, 'GET', '/wiki/api/v2/spaces', { auth: bob });
    expect((spaces.json as Json).results.map((s: Json) => s.key)).toEqual(['ENG']);
    const pages = await call(emu.baseUrl, 'GET', '/wiki/api/v2/pages', { auth: bob });
    expect((pages.json as Json).results.map((p: Json) => p.id)).not.toContain('70003');
    expect((await call(emu.baseUrl, 'GET', '/wiki/api/v2/pages/70003', { auth: bob })).status).toBe(404);
    expect((await call(emu.baseUrl, 'GET', '/wiki/api/v2/pages/70003', { auth: APP })).status).toBe(200);
    const cql = await call(emu.baseUrl, 'GET', `/wiki/rest/api/search?cql=${encodeURIComponent('type = page AND created >= "2026-01-01"')}`, { auth: bob });
    expect((cql.json as Json).results.map((r: Json) => r.content.id)).not.toContain('70003');
  });
});
