import { generateSite } from '../../local/fixtures/generator';
import type { SiteFixture } from '../../local/site/fixture-schema';
import { createSiteEmulator, type SiteEmulator } from '../../local/site/emulator';
import { OpenApiContracts } from './openapi';
import { call, type Json } from './helpers';

/**
 * The emulator over a generated site full of quirks (automation changes without an author,
 * deletions, hidden emails, restricted projects): every page of a sync-like walk conforms to
 * the OpenAPI documents, and walking the feeds to the end returns exactly what the fixture holds.
 */

let emu: SiteEmulator;
let site: SiteFixture;
const contracts = new OpenApiContracts();
const NOW = '2026-10-01T00:00:00.000Z';

beforeAll(async () => {
  site = generateSite({ seed: 7, issues: 80, pages: 25, now: NOW });
  emu = await createSiteEmulator({ sites: [site] });
  emu.site(site.name).setNow('2026-10-01T01:00:00.000Z');
});
afterAll(() => emu.close());

async function conforming(method: 'GET' | 'POST', template: string, path: string, body?: unknown): Promise<Json> {
  const r = await call(emu.baseUrl, method, path, { site: site.name, body });
  expect(r.status).toBe(200);
  expect(contracts.check(template, method, 200, r.json)).toEqual([]);
  return r.json;
}

const liveIssues = (): SiteFixture['issues'] => site.issues.filter((i) => !i.deletedAt);

it('search/jql pages with all fields and changelogs conform, and cover every live issue', async () => {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const b = await conforming('POST', '/rest/api/3/search/jql', '/rest/api/3/search/jql', { jql: 'updated >= 0 ORDER BY id', fields: ['*all'], expand: 'changelog', maxResults: 25, nextPageToken: token });
    ids.push(...b.issues.map((i: Json) => i.id));
    token = b.nextPageToken;
  } while (token);
  expect(ids.sort()).toEqual(liveIssues().map((i) => i.id).sort());
});

it('changelog/bulkfetch returns every history of every live issue', async () => {
  const issueIds = liveIssues().map((i) => i.id);
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const b = await conforming('POST', '/rest/api/3/changelog/bulkfetch', '/rest/api/3/changelog/bulkfetch', { issueIdsOrKeys: issueIds, maxResults: 150, nextPageToken: token });
    for (const log of b.issueChangeLogs) for (const h of log.changeHistories) seen.add(h.id);
    token = b.nextPageToken ?? undefined;
  } while (token);
  expect(seen.size).toBe(liveIssues().reduce((n, i) => n + i.changelog.length, 0));
});

it('worklog/updated and worklog/list return every live worklog of live issues', async () => {
  const ids: number[] = [];
  let path = '/rest/api/3/worklog/updated?since=0';
  for (;;) {
    const b = await conforming('GET', '/rest/api/3/worklog/updated', path);
    ids.push(...b.values.map((v: Json) => v.worklogId));
    if (b.lastPage) break;
    const next = new URL(b.nextPage);
    path = next.pathname + next.search;
  }
  const expected = liveIssues().flatMap((i) => i.worklogs.filter((w) => !w.deletedAt).map((w) => Number(w.id)));
  expect([...new Set(ids)].sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  const listed = await conforming('POST', '/rest/api/3/worklog/list', '/rest/api/3/worklog/list', { ids: ids.slice(0, 1000) });
  expect(listed).toHaveLength(Math.min(ids.length, 1000));
});

it('Confluence comment feeds and CQL conform and match the fixture', async () => {
  const live = site.contents.filter((c) => c.status === 'current');
  for (const location of ['footer', 'inline'] as const) {
    const ids: string[] = [];
    let path: string | undefined = `/wiki/api/v2/${location}-comments?limit=50`;
    while (path) {
      const b = await conforming('GET', `/wiki/api/v2/${location}-comments`, path);
      ids.push(...b.results.map((c: Json) => c.id));
      path = b._links.next;
    }
    const expected = live.flatMap((c) => c.comments.filter((m) => m.location === location && m.status === 'current').map((m) => m.id));
    expect(ids.sort()).toEqual(expected.sort());
  }
  const cql = encodeURIComponent('type in (page, blogpost) AND lastmodified >= "2020-01-01" ORDER BY lastmodified DESC');
  let path: string | undefined = `/wiki/rest/api/search?cql=${cql}&limit=20&expand=content.version`;
  const found: string[] = [];
  while (path) {
    const b = await conforming('GET', '/wiki/rest/api/search', path);
    found.push(...b.results.map((r: Json) => r.content.id));
    path = b._links.next ? `/wiki${b._links.next}` : undefined;
  }
  expect(found.sort()).toEqual(live.map((c) => c.id).sort());
});

it('user endpoints conform for every generated user', async () => {
  const accountIds = site.users.map((u) => u.accountId);
  const bulk = await conforming('POST', '/wiki/api/v2/users-bulk', '/wiki/api/v2/users-bulk', { accountIds });
  expect(bulk.results).toHaveLength(accountIds.length);
  for (const u of site.users.slice(0, 5)) {
    await conforming('GET', '/rest/api/3/user', `/rest/api/3/user?accountId=${encodeURIComponent(u.accountId)}`);
  }
});
