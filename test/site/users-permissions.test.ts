import { createSiteEmulator, type SiteEmulator } from '../../local/site/emulator';
import { smallSite } from './fixtures/small-site';
import { APP, asUser, call, type Auth, type Json } from './helpers';

/** User search privacy, user/group lookups with paging, permission checks. */

let emu: SiteEmulator;
beforeAll(async () => {
  emu = await createSiteEmulator({ sites: [smallSite()] });
});
afterAll(() => emu.close());

const get = async (path: string, auth: Auth = APP): Promise<{ status: number; body: Json }> => {
  const r = await call(emu.baseUrl, 'GET', path, { auth });
  return { status: r.status, body: r.json };
};

describe('user search', () => {
  it('matches display-name word prefixes and visible email prefixes', async () => {
    expect((await get('/rest/api/3/user/search?query=cod')).body.map((u: Json) => u.accountId)).toEqual(['u-cara']);
    expect((await get('/rest/api/3/user/search?query=ada@')).body.map((u: Json) => u.accountId)).toEqual(['u-ada']);
  });

  it('lets a person find a hidden email only by its full address, and never returns it', async () => {
    const ada = asUser('u-ada');
    expect((await get('/rest/api/3/user/search?query=bob@acme', ada)).body).toEqual([]);
    const exact = (await get('/rest/api/3/user/search?query=bob@acme.test', ada)).body;
    expect(exact.map((u: Json) => u.accountId)).toEqual(['u-bob']);
    expect(exact[0]).not.toHaveProperty('emailAddress');
    const byName = (await get('/rest/api/3/user/search?query=Bob', ada)).body;
    expect(byName[0]).not.toHaveProperty('emailAddress');
  });

  it('never matches a hidden email for the app, not even typed in full (apps cannot read hidden profile fields)', async () => {
    expect((await get('/rest/api/3/user/search?query=bob@acme.test')).body).toEqual([]);
    expect((await get('/rest/api/3/user/search?query=Bob')).body.map((u: Json) => u.accountId)).toEqual(['u-bob']);
  });

  it('requires a query or accountId', async () => {
    expect((await get('/rest/api/3/user/search')).status).toBe(400);
  });

  it('Confluence users-bulk returns an empty email when hidden', async () => {
    const r = await call(emu.baseUrl, 'POST', '/wiki/api/v2/users-bulk', { body: { accountIds: ['u-bob', 'u-ada', 'missing'] } });
    const byId = Object.fromEntries((r.json as Json).results.map((u: Json) => [u.accountId, u]));
    expect(byId['u-bob'].email).toBe('');
    expect(byId['u-ada'].email).toBe('ada@acme.test');
    expect(Object.keys(byId)).toHaveLength(2);
  });
});

describe('users and groups', () => {
  it('gets one user, 404 for unknown', async () => {
    expect((await get('/rest/api/3/user?accountId=u-cara')).body.displayName).toBe('Cara Coder');
    expect((await get('/rest/api/3/user?accountId=nope')).status).toBe(404);
  });

  it('pages user/bulk', async () => {
    const r = await get('/rest/api/3/user/bulk?accountId=u-ada&accountId=u-bob&accountId=u-cara&maxResults=2');
    expect(r.body.values.map((u: Json) => u.accountId)).toEqual(['u-ada', 'u-bob']);
    expect(r.body.isLast).toBe(false);
    const next = new URL(r.body.nextPage);
    const r2 = await get(next.pathname + next.search);
    expect(r2.body.values.map((u: Json) => u.accountId)).toEqual(['u-cara']);
    expect(r2.body.isLast).toBe(true);
  });

  it("lists a user's groups with ids", async () => {
    const r = await get('/rest/api/3/user/groups?accountId=u-bob');
    expect(r.body).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'team-alpha', groupId: 'g-alpha' })]));
  });

  it('pages group members, leaving out inactive users unless asked', async () => {
    const p1 = await get('/rest/api/3/group/member?groupname=jira-users&maxResults=2');
    expect(p1.body).toMatchObject({ startAt: 0, maxResults: 2, total: 3, isLast: false });
    const p2 = await get('/rest/api/3/group/member?groupId=g-users&startAt=2&maxResults=2');
    expect(p2.body.values.map((u: Json) => u.accountId)).toEqual(['u-cara']);
    expect(p2.body.isLast).toBe(true);
    const all = await get('/rest/api/3/group/member?groupname=jira-users&includeInactiveUsers=true');
    expect(all.body.total).toBe(4);
    expect((await get('/rest/api/3/group/member?groupname=missing')).status).toBe(404);
  });

  it('picks groups by substring, in any case only when asked (caseInsensitive defaults to false)', async () => {
    const r = await get('/rest/api/3/groups/picker?query=TEAM&caseInsensitive=true');
    expect(r.body.groups.map((g: Json) => g.name)).toEqual(['team-alpha', 'team-beta']);
    expect(r.body.groups[0].html).toBe('<b>team</b>-alpha');
    expect(r.body.total).toBe(2);
    expect((await get('/rest/api/3/groups/picker?query=TEAM')).body.total).toBe(0);
    expect((await get('/rest/api/3/groups/picker?query=team')).body.total).toBe(2);
  });
});

describe('permissions', () => {
  it('mypermissions reports admin and per-project browse', async () => {
    const admin = await get('/rest/api/3/mypermissions?permissions=ADMINISTER,BROWSE_PROJECTS', asUser('u-ada'));
    expect(admin.body.permissions.ADMINISTER.havePermission).toBe(true);
    const bob = await get('/rest/api/3/mypermissions?permissions=ADMINISTER,BROWSE_PROJECTS', asUser('u-bob'));
    expect(bob.body.permissions.ADMINISTER.havePermission).toBe(false);
    // A project the caller cannot browse is a 404, as for one that does not exist.
    expect((await get('/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=BETA', asUser('u-bob'))).status).toBe(404);
    const bobAlpha = await get('/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectId=10000', asUser('u-bob'));
    expect(bobAlpha.body.permissions.BROWSE_PROJECTS.havePermission).toBe(true);
    expect((await get('/rest/api/3/mypermissions?permissions=NOT_A_PERMISSION')).status).toBe(400);
    expect((await get('/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=NOPE')).status).toBe(404);
  });

  it('permissions/check answers for another user when the app asks, and refuses non-admin users', async () => {
    const body = { accountId: 'u-cara', globalPermissions: ['ADMINISTER'], projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: [10000, 10001], issues: [10100, 10102] }] };
    const r = await call(emu.baseUrl, 'POST', '/rest/api/3/permissions/check', { body });
    expect(r.json).toEqual({ globalPermissions: [], projectPermissions: [{ permission: 'BROWSE_PROJECTS', projects: [10001], issues: [10102] }] });
    const asBob = await call(emu.baseUrl, 'POST', '/rest/api/3/permissions/check', { body, auth: asUser('u-bob') });
    expect(asBob.status).toBe(403);
    const asAda = await call(emu.baseUrl, 'POST', '/rest/api/3/permissions/check', { body, auth: asUser('u-ada') });
    expect(asAda.status).toBe(200);
  });

  it('Confluence content permission follows the space view groups', async () => {
    const check = async (id: string, subject: { type: 'user' | 'group'; identifier: string }): Promise<boolean> => {
      const r = await call(emu.baseUrl, 'POST', `/wiki/rest/api/content/${id}/permission/check`, { body: { subject, operation: 'read' } });
      return (r.json as Json).hasPermission;
    };
    expect(await check('70003', { type: 'user', identifier: 'u-ada' })).toBe(true);
    expect(await check('70003', { type: 'user', identifier: 'u-bob' })).toBe(false);
    expect(await check('70003', { type: 'group', identifier: 'g-admins' })).toBe(true);
    expect(await check('70001', { type: 'user', identifier: 'u-bob' })).toBe(true);
    expect((await call(emu.baseUrl, 'POST', '/wiki/rest/api/content/70004/permission/check', { body: { subject: { type: 'user', identifier: 'u-ada' }, operation: 'read' } })).status).toBe(404);
  });
});
