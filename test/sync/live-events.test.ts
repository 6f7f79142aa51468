import { seedFromFixture } from '../../local/cli/sync/seed';
import type { LocalPlatform } from '../../local/platform';
import { startTestPlatform } from '../helpers/test-platform';
import type { SiteFixture } from '../../local/site/fixture-schema';
import { diffActivities } from '../oracle/diff-activities';
import { DAY, inApp, oracle, rollupComparison, siteEndingNow, stored, sync } from './helpers';

jest.setTimeout(180_000);

/**
 * Product events on the host site store changes at once, under the ids the poller uses: after
 * the events the store equals the oracle (for what events can carry), and the next poll finds
 * nothing left to write.
 */
describe('live capture from product events', () => {
  const fixture = siteEndingNow({ seed: 23, issues: 60, pages: 16, users: 6 });
  let platform: LocalPlatform;
  let mapping: Map<string, string>;
  const site = () => platform.sites!.site(fixture.name);
  const live = (): SiteFixture => site().fixture;

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [fixture], deliverHostEvents: true });
    mapping = await inApp(platform, async (d) => (await seedFromFixture(d.config, fixture, { mappedAt: new Date(Date.now() - DAY).toISOString() })).mapping);
    await sync(platform, { reason: 'scheduled' });
  });
  afterAll(() => platform.close());

  it('stores new comments, transitions, worklogs, pages and page comments as they happen', async () => {
    const someone = [...mapping.keys()][0];
    const issues = live().issues.filter((i) => !i.deletedAt);
    site().addComment(issues[0].key, { authorId: someone, text: 'live' });
    const done = live().statuses.find((s) => s.categoryKey === 'done')!;
    site().transitionIssue(issues[1].key, { authorId: someone, statusId: done.id, resolution: 'Done' });
    site().addWorklog(issues[2].key, { authorId: someone, started: new Date(Date.now() - 2 * DAY).toISOString(), timeSpentSeconds: 900 });
    const wl = issues.flatMap((i) => i.worklogs).find((w) => !w.deletedAt && mapping.has(w.authorId))!;
    site().deleteWorklog(wl.id, someone);
    const page = live().contents.find((c) => c.status === 'current')!;
    site().addContentVersion(page.id, { authorId: someone });
    site().addContentComment(page.id, { authorId: someone });
    const gone = issues[3];
    site().deleteIssue(gone.key, someone);
    await platform.runtime.idle();

    const failed = platform.runtime.invocations.filter((i) => i.kind === 'product-event' && i.status !== 'ok');
    expect(failed).toEqual([]);
    const acts = await stored(platform);
    expect(acts.some((a) => a.entity.key === issues[0].key && a.kind === 'jira.comment' && Date.now() - Date.parse(a.at) < 60_000)).toBe(true);
    expect(acts.some((a) => a.entity.key === gone.key)).toBe(false);
    const untilMs = Date.now();
    const diff = diffActivities(oracle(live(), mapping, untilMs - 90 * DAY, untilMs), acts);
    if (!diff.equal) throw new Error(diff.report(10));
    const rollups = await rollupComparison(platform);
    expect(rollups.actual).toEqual(rollups.expected);
  });

  it('the next poll finds nothing the events missed and counts nothing twice', async () => {
    const before = await stored(platform);
    const [run] = await sync(platform, { reason: 'scheduled' });
    expect(run.errors).toEqual([]);
    expect(Object.values(run.byKind).reduce((a, b) => a + b, 0)).toBe(0);
    expect(await stored(platform)).toEqual(before);
  });
});
