import { createSiteEmulator, type SiteEmulator } from '../../local/site/emulator';
import type { SiteFixture } from '../../local/site/fixture-schema';
import { smallSite } from './fixtures/small-site';
import { APP, asUser, call, type Json } from './helpers';

/**
 * Issue security levels and Confluence read restrictions: an item the caller may not see is
 * left out of every list and answers 404 alone, even when its project or space is open to them.
 */

function restrictedSite(): SiteFixture {
  const f = smallSite();
  f.securityLevels = [{ id: '10300', name: 'Staff only', groups: ['jira-administrators'], accountIds: [] }];
  f.issues.find((i) => i.key === 'ALPHA-1')!.securityLevelId = '10300';
  f.contents.find((c) => c.id === '70001')!.readRestrictions = { groups: [], accountIds: ['u-ada'] };
  return f;
}

let emu: SiteEmulator;
beforeEach(async () => {
  emu = await createSiteEmulator({ sites: [restrictedSite()] });
  emu.site('acme').setNow('2026-11-05T12:00:00.000Z');
});
afterEach(() => emu.close());

const bob = asUser('u-bob');
const ada = asUser('u-ada');

describe('issue security levels', () => {
  it('hide the issue from a user who may browse the project but is not in the level', async () => {
    const body = { issueIdsOrKeys: ['ALPHA-1', 'ALPHA-2'], fields: ['summary', 'security'] };
    const asBob = (await call(emu.baseUrl, 'POST', '/rest/api/3/issue/bulkfetch', { auth: bob, body })).json as Json;
    expect(asBob.issues.map((i: Json) => i.key)).toEqual(['ALPHA-2']);
    expect((await call(emu.baseUrl, 'GET', '/rest/api/3/issue/ALPHA-1', { auth: bob })).status).toBe(404);
    const search = (await call(emu.baseUrl, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = ALPHA')}&fields=id`, { auth: bob })).json as Json;
    expect(search.issues.map((i: Json) => i.id)).toEqual(['10101']);
    const check = (await call(emu.baseUrl, 'POST', '/rest/api/3/permissions/check', {
      auth: bob,
      body: { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: [10000], issues: [10100, 10101] }] },
    })).json as Json;
    expect(check.projectPermissions[0]).toEqual({ permission: 'BROWSE_PROJECTS', projects: [10000], issues: [10101] });
  });

  it('show the issue and its `security` field to a member of the level (null when the issue has none)', async () => {
    const body = { issueIdsOrKeys: ['ALPHA-1', 'ALPHA-2'], fields: ['security'] };
    const asAda = (await call(emu.baseUrl, 'POST', '/rest/api/3/issue/bulkfetch', { auth: ada, body })).json as Json;
    expect(asAda.issues.map((i: Json) => [i.key, i.fields.security?.name ?? null])).toEqual([
      ['ALPHA-1', 'Staff only'],
      ['ALPHA-2', null],
    ]);
    const asApp = (await call(emu.baseUrl, 'POST', '/rest/api/3/issue/bulkfetch', { auth: APP, body })).json as Json;
    expect(asApp.issues).toHaveLength(2);
  });
});

describe('Confluence read restrictions', () => {
  it('hide the page and its descendants from users the restriction does not name', async () => {
    expect((await call(emu.baseUrl, 'GET', '/wiki/api/v2/pages/70001', { auth: bob })).status).toBe(404);
    expect((await call(emu.baseUrl, 'GET', '/wiki/api/v2/pages/70005', { auth: bob })).status).toBe(404);
    const list = (await call(emu.baseUrl, 'GET', '/wiki/api/v2/pages?id=70001,70005', { auth: bob })).json as Json;
    expect(list.results).toEqual([]);
    const types = (await call(emu.baseUrl, 'POST', '/wiki/api/v2/content/convert-ids-to-types', { auth: bob, body: { contentIds: ['70001', '70005', '70002'] } })).json as Json;
    expect(types.results).toEqual({ '70001': null, '70005': null, '70002': 'blogpost' });
    const cql = encodeURIComponent('id in (70001,70005,70002)');
    const found = (await call(emu.baseUrl, 'GET', `/wiki/rest/api/search?cql=${cql}`, { auth: bob })).json as Json;
    expect(found.results.map((r: Json) => r.content.id)).toEqual(['70002']);
  });

  it('show them to a named user, with the restriction and the ancestors expandable on CQL results', async () => {
    const types = (await call(emu.baseUrl, 'POST', '/wiki/api/v2/content/convert-ids-to-types', { auth: ada, body: { contentIds: ['70001', '70005'] } })).json as Json;
    expect(types.results).toEqual({ '70001': 'page', '70005': 'page' });
    const cql = encodeURIComponent('id in (70001,70005)');
    const expand = 'content.restrictions.read.restrictions.user,content.restrictions.read.restrictions.group,content.ancestors';
    const found = (await call(emu.baseUrl, 'GET', `/wiki/rest/api/search?cql=${cql}&expand=${expand}`, { auth: ada })).json as Json;
    const byId = new Map(found.results.map((r: Json) => [r.content.id, r.content]));
    const page = byId.get('70001') as Json;
    const child = byId.get('70005') as Json;
    expect(page.restrictions.read.restrictions.user.results.map((u: Json) => u.accountId)).toEqual(['u-ada']);
    expect(child.restrictions.read.restrictions.user.results).toEqual([]);
    expect(child.ancestors.map((a: Json) => a.id)).toEqual(['70001']);
  });
});
