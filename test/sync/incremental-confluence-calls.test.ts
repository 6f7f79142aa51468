import { seedFromFixture } from '../../local/cli/sync/seed';
import type { LocalPlatform } from '../../local/platform';
import { startTestPlatform } from '../helpers/test-platform';
import type { SiteFixture } from '../../local/site/fixture-schema';
import { PAGE_LIMITS } from '../../src/sources/page-limits';
import { diffActivities } from '../oracle/diff-activities';
import { DAY, inApp, oracle, rollupComparison, siteEndingNow, stored, sync } from './helpers';

jest.setTimeout(180_000);

const MINUTE = 60_000;

/** Content ids named by GET /wiki/api/v2/{pages|blogposts}/{id}/versions calls. */
function versionCallIds(paths: string[]): string[] {
  return paths.flatMap((p) => {
    const m = /^\/wiki\/api\/v2\/(?:pages|blogposts)\/([^/?]+)\/versions(?:\?|$)/.exec(p);
    return m ? [decodeURIComponent(m[1])] : [];
  });
}

/** Content ids named by bulk detail calls, GET /wiki/api/v2/{pages|blogposts}?id=… */
function detailCallIds(paths: string[]): string[] {
  return paths.flatMap((p) => {
    const m = /^\/wiki\/api\/v2\/(?:pages|blogposts)\?(.*)$/.exec(p);
    if (!m) return [];
    return new URLSearchParams(m[1]).getAll('id').flatMap((v) => v.split(','));
  });
}

/**
 * An incremental pass re-reads a day of content through the CQL date margin. Content in that
 * margin last modified before the pass started was stored by the pass before: it must cost
 * neither a detail fetch nor a version-list call, while the stored set stays exact.
 */
describe('incremental Confluence sync: calls for content the CQL margin brings back', () => {
  const fixture = siteEndingNow({ seed: 23, issues: 20, pages: 30, users: 6 });
  let platform: LocalPlatform;
  let mapping: Map<string, string>;

  const site = () => platform.sites!.site(fixture.name);
  const live = (): SiteFixture => site().fixture;
  const author = () => [...mapping.keys()][0];

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [fixture] });
    const teammates = fixture.users.filter((u) => u.accountType !== 'app').map((u) => ({ name: u.displayName, accountId: u.accountId }));
    mapping = await inApp(platform, async (d) => (await seedFromFixture(d.config, { ...fixture, teammates }, { mappedAt: new Date(Date.now() - DAY).toISOString() })).mapping);
  });
  afterAll(() => platform.close());

  it('hydrates and lists versions only for content edited since the last pass', async () => {
    const current = live().contents.filter((c) => c.status === 'current');
    expect(current.length).toBeGreaterThanOrEqual(6);
    // Edited before the full sync and well inside the CQL day margin of the next pass, with three
    // or more versions: without the skip these would be hydrated and their versions listed.
    const margin = current.slice(0, 3);
    for (const c of margin) {
      site().addContentVersion(c.id, { authorId: author(), at: new Date(Date.now() - 40 * MINUTE).toISOString() });
      site().addContentVersion(c.id, { authorId: author(), at: new Date(Date.now() - 30 * MINUTE).toISOString() });
    }
    // More versions than one versions page holds, all before the full sync: listing this page's
    // new versions must stop at the first page, which already reaches back past the last pass.
    const long = current[3];
    const longStart = Date.now() - 58 * MINUTE;
    for (let i = 0; i <= PAGE_LIMITS.confluenceV2; i++) {
      site().addContentVersion(long.id, { authorId: author(), at: new Date(longStart + i * 1000).toISOString() });
    }
    const [full] = await sync(platform, { reason: 'scheduled' });
    expect(full.status).toBe('succeeded');

    // Two edits each, so every edited page has 3+ versions and needs the versions endpoint.
    const edited = current.slice(3, 6);
    for (const c of edited) {
      site().addContentVersion(c.id, { authorId: author() });
      site().addContentVersion(c.id, { authorId: author() });
    }
    site().addContentComment(edited[0].id, { authorId: author() });
    const editedIds = edited.map((c) => c.id).sort();

    platform.sites!.resetLog();
    const [run] = await sync(platform, { reason: 'scheduled' });
    expect(run.errors).toEqual([]);
    expect(run.status).toBe('succeeded');

    const untilMs = Date.now();
    const diff = diffActivities(oracle(live(), mapping, untilMs - 90 * DAY, untilMs), await stored(platform));
    if (!diff.equal) throw new Error(diff.report(10));
    const rollups = await rollupComparison(platform);
    expect(rollups.actual).toEqual(rollups.expected);

    const paths = platform.sites!.requestLog.filter((e) => e.method === 'GET').map((e) => e.path);
    // The content stream searched again (the margin pages come back through this search).
    const cql = paths.filter((p) => p.startsWith('/wiki/rest/api/search'));
    expect(cql.length).toBeGreaterThan(0);
    const versionCalls = versionCallIds(paths);
    expect([...new Set(versionCalls)].sort()).toEqual(editedIds);
    expect(versionCalls.filter((id) => id === long.id)).toHaveLength(1);
    const detailed = new Set(detailCallIds(paths));
    expect([...detailed].filter((id) => !editedIds.includes(id))).toEqual([]);
    for (const id of editedIds) expect(detailed.has(id)).toBe(true);
  });
});
