import { seedFromFixture } from '../../local/cli/sync/seed';
import type { LocalPlatform } from '../../local/platform';
import { toRunView } from '../../src/entry/admin/sync-adapter';
import { startTestPlatform } from '../helpers/test-platform';
import { DAY, inApp, siteEndingNow, sync } from '../sync/helpers';

jest.setTimeout(240_000);

interface Seen {
  streamsDone: number;
  pages: number;
  activities: number;
  issuesPages: number;
}

/**
 * The run record the admin page polls moves with the run: pages and activities per stream as
 * each page is read, and streams done as each one ends, not only when the run does.
 */
describe('a run reports its progress as it goes', () => {
  const fixture = siteEndingNow({ seed: 41, issues: 60, pages: 0, users: 5 });
  let platform: LocalPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [fixture] });
    await inApp(platform, async (d) => seedFromFixture(d.config, fixture, { mappedAt: new Date(Date.now() - DAY).toISOString() }));
    platform.sites!.site(fixture.name).searchPageCap = 10;
  });
  afterAll(() => platform.close());

  /** The stored run's progress each time the sync calls the site. */
  function watchStoredRun(): Seen[] {
    const seen: Seen[] = [];
    platform.sites!.site(fixture.name).onRequest = () => {
      const rows = Object.values(platform.kvs.dump().entities['sync-run'] ?? {}) as { status: string; doc: Record<string, unknown> }[];
      const running = rows.find((r) => r.status === 'running');
      if (!running) return;
      const doc = running.doc as { progress: Omit<Seen, 'issuesPages'>; streams: Record<string, { pages: number }> };
      seen.push({ ...doc.progress, issuesPages: doc.streams['jira-issues']?.pages ?? 0 });
    };
    return seen;
  }

  it('saves pages and activities after every page and each stream as it ends', async () => {
    const seen = watchStoredRun();
    const [run] = await sync(platform, { reason: 'manual', window: { sinceMs: Date.now() - 60 * DAY, untilMs: Date.now() } });
    platform.sites!.site(fixture.name).onRequest = undefined;
    expect(run.status).toBe('succeeded');
    const finalIssuePages = run.streams['jira-issues'].pages;
    expect(finalIssuePages).toBeGreaterThanOrEqual(4);
    // Every page of the issues stream was visible while the run was in flight.
    const issuePagesSeen = new Set(seen.map((s) => s.issuesPages));
    for (let n = 1; n < finalIssuePages; n += 1) expect(issuePagesSeen).toContain(n);
    expect(Math.max(...seen.map((s) => s.activities))).toBeGreaterThan(0);
    expect(Math.max(...seen.map((s) => s.streamsDone))).toBeGreaterThanOrEqual(1);

    const view = toRunView(run, []);
    expect(view.streams.find((s) => s.id === 'jira-issues')).toEqual({ id: 'jira-issues', status: 'done', pages: finalIssuePages, activities: run.streams['jira-issues'].activities });
    expect(view.streams.map((s) => s.id)).toEqual(Object.keys(run.streams));
  });
});
