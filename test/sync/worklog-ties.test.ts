import { seedFromFixture } from '../../local/cli/sync/seed';
import type { LocalPlatform } from '../../local/platform';
import { startTestPlatform } from '../helpers/test-platform';
import { diffActivities } from '../oracle/diff-activities';
import { DAY, inApp, oracle, siteEndingNow, stored, sync } from './helpers';

jest.setTimeout(240_000);

/**
 * A bulk import: 1,600 worklogs with one `updatedTime`. The worklog feed pages by `since` only
 * (1000 a page, inclusive, `nextPage` = since=<until>), so it answers the same 1000 again from
 * that instant; the other 600 must still be found (per issue) and none lost.
 */
describe('more than a feed page of worklogs on one instant', () => {
  const fixture = siteEndingNow({ seed: 41, issues: 60, pages: 0, users: 6 });
  let platform: LocalPlatform;
  let mapping: Map<string, string>;
  const site = () => platform.sites!.site(fixture.name);
  const imported: string[] = [];
  const at = new Date(Math.floor(Date.now() / 1000) * 1000 - 10 * 60_000 + 123).toISOString();

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [fixture] });
    mapping = await inApp(platform, async (d) => (await seedFromFixture(d.config, fixture, { mappedAt: new Date(Date.now() - DAY).toISOString() })).mapping);
    const authors = [...mapping.keys()];
    const issues = site().fixture.issues.filter((i) => !i.deletedAt).slice(0, 40);
    for (let n = 0; n < 1600; n++) {
      const issue = issues[n % issues.length];
      const started = new Date(Date.now() - (2 + (n % 20)) * DAY).toISOString();
      const event = site().addWorklog(issue.key, { authorId: authors[n % authors.length], started, timeSpentSeconds: 900, at });
      imported.push(String((event as unknown as { worklog: { id: string } }).worklog.id));
    }
  });
  afterAll(() => platform.close());

  it('the emulator pages the feed as documented: 1000 a page, the same page again from that instant', async () => {
    const t = Date.parse(at);
    const get = async (since: number) => {
      const res = await fetch(`${platform.sites!.baseUrl}/rest/api/3/worklog/updated?since=${since}`, { headers: { 'x-forwarded-host': `${fixture.name}.atlassian.net`, 'x-forge-identity': 'app' } });
      return (await res.json()) as { values: { worklogId: number; updatedTime: number }[]; until: number; lastPage: boolean; nextPage?: string };
    };
    const page = await get(t);
    expect(page.values).toHaveLength(1000);
    expect(new Set(page.values.map((v) => v.updatedTime))).toEqual(new Set([t]));
    expect(page).toMatchObject({ until: t, lastPage: false });
    expect(page.nextPage).toMatch(new RegExp(`since=${t}$`));
    expect((await get(t)).values.map((v) => v.worklogId)).toEqual(page.values.map((v) => v.worklogId));
  });

  it('none of the 1,600 is lost, and the stored set equals the oracle', async () => {
    const [run] = await sync(platform, { reason: 'scheduled' });
    expect(run.status).toBe('succeeded');
    const ids = new Set((await stored(platform)).filter((a) => a.kind === 'jira.worklog').map((a) => String(a.details?.worklogId)));
    const lost = imported.filter((id) => !ids.has(id));
    console.log(`worklogs sharing one updatedTime: ${imported.length}; lost: ${lost.length}`);
    expect(lost).toEqual([]);
    const untilMs = Date.now();
    const diff = diffActivities(oracle(site().fixture, mapping, untilMs - 90 * DAY, untilMs), await stored(platform));
    if (!diff.equal) throw new Error(diff.report(10));
  });
});
