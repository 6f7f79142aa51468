import { seedFromFixture } from '../../local/cli/sync/seed';
import type { LocalPlatform } from '../../local/platform';
import { startTestPlatform } from '../helpers/test-platform';
import type { SiteFixture } from '../../local/site/fixture-schema';
import { diffActivities } from '../oracle/diff-activities';
import { DAY, inApp, oracle, rollupComparison, siteEndingNow, stored, sync } from './helpers';

jest.setTimeout(180_000);

/**
 * Scheduled (incremental) syncs after changes on the site: the stored set must equal the oracle
 * over the history window after every run, and rollups must equal a recount of it.
 */
describe('incremental sync', () => {
  const fixture = siteEndingNow({ seed: 11, issues: 120, pages: 30, users: 8 });
  const left = fixture.users.find((u) => u.accountType !== 'app' && u.active)!;
  let platform: LocalPlatform;
  let mapping: Map<string, string>;

  const site = () => platform.sites!.site(fixture.name);
  const live = (): SiteFixture => site().fixture;
  const author = () => [...mapping.keys()][0];

  async function expectMatchesOracle(): Promise<void> {
    const untilMs = Date.now();
    const acts = await stored(platform);
    const diff = diffActivities(oracle(live(), mapping, untilMs - 90 * DAY, untilMs), acts);
    if (!diff.equal) throw new Error(diff.report(10));
    const rollups = await rollupComparison(platform);
    expect(rollups.actual).toEqual(rollups.expected);
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [fixture] });
    // Everyone but one user is a teammate at first; that user is mapped later.
    const teammates = fixture.users.filter((u) => u.accountId !== left.accountId).map((u) => ({ name: u.displayName, accountId: u.accountId }));
    mapping = await inApp(platform, async (d) => (await seedFromFixture(d.config, { ...fixture, teammates }, { mappedAt: new Date(Date.now() - DAY).toISOString() })).mapping);
  });
  afterAll(() => platform.close());

  it('first scheduled run reads the whole history window', async () => {
    const [run] = await sync(platform, { reason: 'scheduled' });
    expect(run.status).toBe('succeeded');
    await expectMatchesOracle();
  });

  it('picks up new, edited and deleted comments, worklogs, transitions and pages', async () => {
    const issues = live().issues.filter((i) => !i.deletedAt);
    const [a, b, c] = issues.slice(-3);
    const someone = author();
    site().addComment(a.key, { authorId: someone, text: 'new' });
    const withComment = issues.find((i) => i.comments.some((x) => !x.deletedAt && mapping.has(x.authorId)))!;
    const old = withComment.comments.find((x) => !x.deletedAt && mapping.has(x.authorId))!;
    site().editComment(old.id, { authorId: someone, text: 'edited' });
    const gone = issues.find((i) => i.id !== withComment.id && i.comments.some((x) => !x.deletedAt && mapping.has(x.authorId)))!;
    site().deleteComment(gone.comments.find((x) => !x.deletedAt && mapping.has(x.authorId))!.id, someone);
    const done = live().statuses.find((s) => s.categoryKey === 'done')!;
    site().transitionIssue(b.key, { authorId: someone, statusId: done.id, resolution: 'Done' });
    site().editIssue(c.key, { authorId: someone, items: [{ field: 'summary', fieldtype: 'jira', fieldId: 'summary', from: null, fromString: 'x', to: null, toString: 'y' }] });
    // Jira's worklog feed hides the last minute; these changes are two minutes old.
    const quiet = { at: new Date(Date.now() - 2 * 60_000).toISOString() };
    site().addWorklog(c.key, { authorId: someone, started: new Date(Date.now() - 3 * DAY).toISOString(), timeSpentSeconds: 1800, ...quiet });
    const wl = issues.flatMap((i) => i.worklogs).find((w) => !w.deletedAt && mapping.has(w.authorId))!;
    site().editWorklog(wl.id, { authorId: someone, started: new Date(Date.now() - 9 * DAY).toISOString(), timeSpentSeconds: 600, ...quiet });
    const wl2 = issues.flatMap((i) => i.worklogs).find((w) => !w.deletedAt && w.id !== wl.id && mapping.has(w.authorId))!;
    site().deleteWorklog(wl2.id, someone, quiet.at);
    const page = live().contents.find((x) => x.status === 'current')!;
    site().addContentVersion(page.id, { authorId: someone });
    site().addContentComment(page.id, { authorId: someone });
    const space = live().spaces.find((x) => x.id === page.spaceId)!;
    site().createContent({ type: 'page', space: space.key, title: 'Fresh page', authorId: someone });

    const [run] = await sync(platform, { reason: 'scheduled' });
    expect(run.errors).toEqual([]);
    expect(run.status).toBe('succeeded');
    expect(run.deleted).toBeGreaterThanOrEqual(2);
    await expectMatchesOracle();
  });

  it('a change that lands late, inside the lookback, is still found', async () => {
    const issue = live().issues.filter((i) => !i.deletedAt)[5];
    // Jira search is eventually consistent: a comment stamped 5 minutes ago shows up only now.
    site().addComment(issue.key, { authorId: author(), text: 'late', at: new Date(Date.now() - 5 * 60_000).toISOString() });
    await sync(platform, { reason: 'scheduled' });
    await expectMatchesOracle();
  });

  it('a teammate mapped later gets their history backfilled', async () => {
    const before = (await stored(platform)).filter((x) => x.actorAccountId === left.accountId);
    expect(before).toHaveLength(0);
    await inApp(platform, async (d) => {
      const doc = await d.config.getTeammates();
      doc.teammates.push({ id: 'late-joiner', name: left.displayName, externalIds: [{ dataSourceId: '*', type: 'accountId', value: left.accountId }], mappedAt: new Date().toISOString() });
      await d.config.saveTeammates(doc);
    });
    mapping.set(left.accountId, 'late-joiner');
    await sync(platform, { reason: 'scheduled' });
    await expectMatchesOracle();
    expect((await stored(platform)).some((x) => x.actorAccountId === left.accountId)).toBe(true);
  });

  it('deleted issues, trashed pages and deleted page comments go away through the sweep', async () => {
    const acts = await stored(platform);
    const issueKey = acts.find((x) => x.source === 'jira')!.entity.key;
    const pageId = acts.find((x) => x.kind === 'confluence.page.updated')!.entity.id;
    const commented = acts.find((x) => x.kind === 'confluence.comment' && x.entity.id !== pageId)!;
    // Events are not delivered here: only the sweep can notice these.
    site().deleteIssue(issueKey, author());
    site().trashContent(pageId, author());
    site().deleteContentComment(commented.details.commentId!, author());
    const [run] = await sync(platform, { reason: 'sweep' });
    expect(run.streams.sweep.status).toBe('done');
    expect(run.streams['jira-issues'].status).toBe('skipped');
    await expectMatchesOracle();
    const left = await stored(platform);
    expect(left.some((x) => x.entity.key === issueKey || x.entity.id === pageId || x.details.commentId === commented.details.commentId)).toBe(false);
  });

  it('re-running changes nothing', async () => {
    const before = await stored(platform);
    const [run] = await sync(platform, { reason: 'scheduled' });
    expect(Object.values(run.byKind).reduce((x, y) => x + y, 0)).toBe(0);
    expect(run.deleted).toBe(0);
    expect(await stored(platform)).toEqual(before);
  });
});
