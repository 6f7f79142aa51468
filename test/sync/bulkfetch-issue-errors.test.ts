import { seedFromFixture } from '../../local/cli/sync/seed';
import type { LocalPlatform } from '../../local/platform';
import { startTestPlatform } from '../helpers/test-platform';
import { diffActivities } from '../oracle/diff-activities';
import { DAY, inApp, oracle, siteEndingNow, stored, sync } from './helpers';

jest.setTimeout(180_000);

/**
 * POST /rest/api/3/issue/bulkfetch may leave issues out with an `issueErrors` entry ("a retriable
 * error or payload constraint"). Those issues exist and were not read: the issues stream reads
 * them again, and a pass that could not read them never finishes, so its watermark stays.
 */
describe('bulkfetch issueErrors', () => {
  const fixture = siteEndingNow({ seed: 23, issues: 80, pages: 0, users: 6 });
  let platform: LocalPlatform;
  let mapping: Map<string, string>;
  const site = () => platform.sites!.site(fixture.name);

  /** Issues with activity of a teammate, last updated long before the lookback. */
  function issuesWithActivity(n: number): string[] {
    const untilMs = Date.now();
    const keys = new Set(oracle(site().fixture, mapping, untilMs - 90 * DAY, untilMs).filter((a) => a.kind !== 'jira.worklog').map((a) => a.entity.key));
    return site().fixture.issues.filter((i) => !i.deletedAt && keys.has(i.key) && Date.parse(i.updated) < untilMs - DAY).slice(0, n).map((i) => i.id);
  }

  async function expectMatchesOracle(): Promise<void> {
    const untilMs = Date.now();
    const diff = diffActivities(oracle(site().fixture, mapping, untilMs - 90 * DAY, untilMs), await stored(platform));
    if (!diff.equal) throw new Error(diff.report(10));
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [fixture] });
    mapping = await inApp(platform, async (d) => (await seedFromFixture(d.config, fixture, { mappedAt: new Date(Date.now() - DAY).toISOString() })).mapping);
  });
  afterAll(() => platform.close());

  it('an issue Jira could not return persistently: the stream fails, the watermark stays, the next run reads it', async () => {
    const failing = issuesWithActivity(3);
    expect(failing).toHaveLength(3);
    site().failBulkfetch(failing);
    const [first] = await sync(platform, { reason: 'scheduled' });
    expect(first.streams['jira-issues'].status).toBe('failed');
    expect(first.errors.map((e) => e.message).join()).toMatch(/could not return 3 issues/);
    const cursor = await inApp(platform, (d) => d.cursors.get('host', 'jira-issues'));
    expect(cursor.watermarkMs).toBeUndefined();

    site().bulkfetchFailures.clear();
    const [second] = await sync(platform, { reason: 'scheduled' });
    expect(second.status).toBe('succeeded');
    await expectMatchesOracle();
  });

  it('an issue Jira could not return once is read again on the next page of the same run', async () => {
    const issue = site().fixture.issues.find((i) => !i.deletedAt)!;
    const someone = [...mapping.keys()][0];
    site().addComment(issue.key, { authorId: someone, text: 'read me' });
    site().failBulkfetch([issue.id], 1);
    const [run] = await sync(platform, { reason: 'scheduled' });
    expect(run.status).toBe('succeeded');
    expect(site().bulkfetchFailures.get(issue.id)).toBe(0);
    await expectMatchesOracle();
  });
});
