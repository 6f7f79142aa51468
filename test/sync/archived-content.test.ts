import { fixtureTeammates, seedFromFixture } from '../../local/cli/sync/seed';
import type { LocalPlatform } from '../../local/platform';
import type { SiteFixture } from '../../local/site/fixture-schema';
import { diffActivities } from '../oracle/diff-activities';
import { startTestPlatform } from '../helpers/test-platform';
import { DAY, inApp, oracle, siteEndingNow, stored, sync } from './helpers';

jest.setTimeout(240_000);

/**
 * Archived Confluence pages (v2 `status=archived`; page lists return current and archived by
 * default) keep their history: a full read finds them, and the deletion sweep keeps them.
 */
describe('archived Confluence content', () => {
  const fixture = siteEndingNow({ seed: 81, issues: 20, pages: 24, users: 5 });
  // One page is archived before the app ever reads the site: one with history by a teammate the
  // seed maps, so its history is something the first read must store.
  const mapped = new Set(fixtureTeammates(fixture).map((t) => t.accountId));
  const archivedAtStart = fixture.contents.find((c) => c.type === 'page' && c.status === 'current' && c.versions.length >= 2 && c.versions.some((v) => mapped.has(v.authorId)))!;
  archivedAtStart.status = 'archived';
  // With an edited comment by a teammate on it: CQL searches current content only, so the
  // creation of a comment on an archived page has to come from the comment's own versions.
  const commenter = [...mapped][0];
  const daysAgo = (n: number) => new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - n * DAY).toISOString();
  const editedComment = { id: '9900001', location: 'footer' as const, status: 'current' as const, versions: [{ number: 1, authorId: commenter, createdAt: daysAgo(3) }, { number: 2, authorId: commenter, createdAt: daysAgo(2) }] };
  archivedAtStart.comments.push(editedComment);
  let platform: LocalPlatform;
  let mapping: Map<string, string>;
  const site = () => platform.sites!.site(fixture.name);
  const live = (): SiteFixture => site().fixture;

  async function expectMatchesOracle(): Promise<void> {
    const untilMs = Date.now();
    const diff = diffActivities(oracle(live(), mapping, untilMs - 90 * DAY, untilMs), await stored(platform));
    if (!diff.equal) throw new Error(diff.report(10));
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [fixture] });
    mapping = await inApp(platform, async (d) => (await seedFromFixture(d.config, fixture, { mappedAt: new Date(Date.now() - DAY).toISOString() })).mapping);
  });
  afterAll(() => platform.close());

  it('the first read stores the history of a page archived before it', async () => {
    const [run] = await sync(platform, { reason: 'scheduled' });
    expect(run.status).toBe('succeeded');
    await expectMatchesOracle();
    expect((await stored(platform)).some((a) => a.entity.id === archivedAtStart.id)).toBe(true);
    expect((await stored(platform)).filter((a) => a.kind === 'confluence.comment' && a.details.commentId === editedComment.id)).toEqual([
      expect.objectContaining({ actorAccountId: commenter, at: editedComment.versions[0].createdAt, entity: expect.objectContaining({ id: archivedAtStart.id }) }),
    ]);
  });

  it('a page archived later keeps its history through the deletion sweep', async () => {
    const acts = await stored(platform);
    const page = live().contents.find((c) => c.type === 'page' && c.status === 'current' && acts.some((a) => a.entity.id === c.id && a.kind === 'confluence.page.created'))!;
    const before = acts.filter((a) => a.entity.id === page.id);
    site().archiveContent(page.id, [...mapping.keys()][0]);
    const [run] = await sync(platform, { reason: 'sweep' });
    expect(run.errors).toEqual([]);
    expect(run.deleted).toBe(0);
    expect((await stored(platform)).filter((a) => a.entity.id === page.id)).toEqual(before);
    await expectMatchesOracle();
  });

  it('a trashed page loses its history; restored from the trash, the next sync brings it back', async () => {
    const acts = await stored(platform);
    const withComment = (id: string) => acts.some((a) => a.entity.id === id && a.kind === 'confluence.comment');
    const page = live().contents.find((c) => c.status === 'current' && withComment(c.id) && acts.some((a) => a.entity.id === c.id && a.kind === 'confluence.page.created'))!;
    const before = acts.filter((a) => a.entity.id === page.id);
    const someone = [...mapping.keys()][0];
    site().trashContent(page.id, someone);
    const [sweep] = await sync(platform, { reason: 'sweep' });
    expect(sweep.errors).toEqual([]);
    expect((await stored(platform)).filter((a) => a.entity.id === page.id)).toEqual([]);
    await expectMatchesOracle();

    // No new version, no event: only the record of what the sweep found in the trash leads back.
    site().restoreContent(page.id, someone);
    const [run] = await sync(platform, { reason: 'scheduled' });
    expect(run.status).toBe('succeeded');
    expect((await stored(platform)).filter((a) => a.entity.id === page.id)).toEqual(before);
    await expectMatchesOracle();
    const [again] = await sync(platform, { reason: 'scheduled' });
    expect(Object.values(again.byKind).reduce((x, y) => x + y, 0)).toBe(0);
  });
});
