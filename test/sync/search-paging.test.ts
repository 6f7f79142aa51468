import { seedFromFixture } from '../../local/cli/sync/seed';
import type { LocalPlatform } from '../../local/platform';
import type { ChangelogItem } from '../../local/site/fixture-schema';
import { startTestPlatform } from '../helpers/test-platform';
import { DAY, inApp, oracle, siteEndingNow, stored, sync } from './helpers';

jest.setTimeout(240_000);

/**
 * Issues change while the issues stream pages through its search: between pages of one
 * invocation, and between invocations of one pass. Paging one query by offset skips an issue
 * each time an issue already read leaves the result set; the stream's position-based paging
 * (issue-search-position.ts) must skip none. Counted against the fixture: every issue with
 * teammate activity in the window has its activities stored.
 */
describe('search paging while issues change', () => {
  const fixture = siteEndingNow({ seed: 31, issues: 90, pages: 0, users: 6 });
  let platform: LocalPlatform;
  let mapping: Map<string, string>;
  const site = () => platform.sites!.site(fixture.name);
  const someone = () => [...mapping.keys()][0];
  const item = (n: number): ChangelogItem => ({ field: 'summary', fieldtype: 'jira', fieldId: 'summary', from: null, fromString: 'old', to: null, toString: `new ${n}` });
  // No lookback and no settle: a skipped issue is not caught again by the next window.
  const limits = { lookbackMs: 0, settleMs: 0 };

  /** Issue keys with teammate activity in the window that have nothing stored. */
  async function missingIssues(): Promise<string[]> {
    const untilMs = Date.now();
    const expected = new Set(oracle(site().fixture, mapping, untilMs - 90 * DAY, untilMs).filter((a) => a.kind !== 'jira.worklog').map((a) => a.entity.key));
    const got = new Set((await stored(platform)).filter((a) => a.kind !== 'jira.worklog').map((a) => a.entity.key));
    return [...expected].filter((k) => !got.has(k)).sort();
  }

  /** Each search after the first edits `perPage` issues the search returned already (oldest created first). */
  function editBetweenPages(perPage: number, pool: () => string[]): () => number {
    let searches = 0;
    let edits = 0;
    site().onRequest = ({ path }) => {
      if (path !== '/rest/api/3/search/jql') return;
      searches += 1;
      if (searches === 1) return;
      for (const key of pool().splice(0, perPage)) site().editIssue(key, { authorId: someone(), items: [item((edits += 1))] });
    };
    return () => edits;
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [fixture] });
    mapping = await inApp(platform, async (d) => (await seedFromFixture(d.config, fixture, { mappedAt: new Date(Date.now() - DAY).toISOString() })).mapping);
    site().searchPageCap = 10;
  });
  afterAll(() => platform.close());

  it('between pages of one invocation: nothing skipped', async () => {
    const byCreated = site().fixture.issues.filter((i) => !i.deletedAt).sort((a, b) => Date.parse(a.created) - Date.parse(b.created)).map((i) => i.key);
    const edits = editBetweenPages(1, () => byCreated);
    const [first] = await sync(platform, { reason: 'scheduled' }, limits);
    site().onRequest = undefined;
    expect(first.status).toBe('succeeded');
    expect(edits()).toBeGreaterThanOrEqual(5);
    const [second] = await sync(platform, { reason: 'scheduled' }, limits);
    expect(second.status).toBe('succeeded');
    const missing = await missingIssues();
    console.log(`issues edited between pages: ${edits()}; issues never read: ${missing.length}`);
    expect(missing).toEqual([]);
  });

  it('between invocations of one pass: nothing skipped', async () => {
    // Thirty issues change in the same minute; the pass is cut after its first page (the next
    // search fails), and three issues of that page change again before the pass continues.
    const live = site().fixture.issues.filter((i) => !i.deletedAt).slice(0, 30).map((i) => i.key);
    for (const [n, key] of live.entries()) site().editIssue(key, { authorId: someone(), items: [item(100 + n)] });
    let searches = 0;
    site().onRequest = ({ path }) => {
      if (path === '/rest/api/3/search/jql' && (searches += 1) === 1) {
        platform.sites!.faults.add({ match: { site: fixture.name, pathPrefix: '/rest/api/3/search/jql' }, type: 'status5xx', times: 6 });
      }
    };
    const [cut] = await sync(platform, { reason: 'scheduled' }, limits);
    site().onRequest = undefined;
    expect(cut.streams['jira-issues'].status).toBe('failed');
    const cursor = await inApp(platform, (d) => d.cursors.get('host', 'jira-issues'));
    expect(cursor.pass).toBeDefined();
    // The first page held the ten issues edited first (the same minute, ordered by key or by created).
    const readFirst = (await stored(platform)).filter((a) => a.details?.changeId !== undefined && Date.now() - Date.parse(a.at) < 10 * 60_000).map((a) => a.entity.key);
    const again = [...new Set(readFirst)].slice(0, 3);
    for (const [n, key] of again.entries()) site().editIssue(key, { authorId: someone(), items: [item(200 + n)] });
    const [resumed] = await sync(platform, { reason: 'scheduled' }, limits);
    expect(resumed.status).toBe('succeeded');
    const [next] = await sync(platform, { reason: 'scheduled' }, limits);
    expect(next.status).toBe('succeeded');
    const missing = await missingIssues();
    console.log(`issues never read after a pass resumed in a new invocation: ${missing.length}`);
    expect(missing).toEqual([]);
  });
});
