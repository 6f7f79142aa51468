import { seedFromFixture } from '../../local/cli/sync/seed';
import type { LocalPlatform } from '../../local/platform';
import { call, type Json } from '../site/helpers';
import { startTestPlatform } from '../helpers/test-platform';
import { DAY, inApp, siteEndingNow, stored, sync } from './helpers';

jest.setTimeout(180_000);

/**
 * Confluence comment events carry the comment's creator and creation time
 * (https://developer.atlassian.com/platform/forge/events-reference/confluence/, "Comments").
 * CQL search, which the handler used to ask instead, lags behind new content (the emulator's
 * `setCqlIndexLag`): a new comment was not stored live, and an edit while the index lagged
 * deleted the comment the poller had stored.
 */
describe('Confluence comment events while the search index lags', () => {
  const fixture = siteEndingNow({ seed: 41, issues: 4, pages: 6, users: 4 });
  let platform: LocalPlatform;
  let someone: string;
  let pageId: string;
  const site = () => platform.sites!.site(fixture.name);
  const storedComment = async (id: string) => (await stored(platform)).some((a) => a.kind === 'confluence.comment' && a.details.commentId === id);
  const addComment = (): string => String((site().addContentComment(pageId, { authorId: someone }).content as { id: string }).id);

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [fixture], deliverHostEvents: true });
    const mapping = await inApp(platform, async (d) => (await seedFromFixture(d.config, fixture, { mappedAt: new Date(Date.now() - DAY).toISOString() })).mapping);
    someone = [...mapping.keys()][0];
    pageId = site().fixture.contents.find((c) => c.status === 'current')!.id;
    await sync(platform, { reason: 'scheduled' });
    site().setCqlIndexLag(10 * 60_000);
  });
  afterAll(() => platform.close());

  it('the emulator: CQL does not find a comment younger than the lag; v2 does', async () => {
    const id = addComment();
    await platform.runtime.idle();
    const cql = await call(platform.sites!.baseUrl, 'GET', `/wiki/rest/api/search?cql=${encodeURIComponent(`id in (${id})`)}`, { site: fixture.name });
    expect((cql.json as Json).results).toEqual([]);
    const v2 = await call(platform.sites!.baseUrl, 'GET', `/wiki/api/v2/footer-comments/${id}`, { site: fixture.name });
    expect(v2.status).toBe(200);
  });

  it('a new comment is stored from its event', async () => {
    const id = addComment();
    await platform.runtime.idle();
    expect(platform.runtime.invocations.filter((i) => i.kind === 'product-event' && i.status !== 'ok')).toEqual([]);
    expect(await storedComment(id)).toBe(true);
  });

  it('an edit while the index lags keeps the comment the poller stored', async () => {
    const id = addComment();
    await platform.runtime.idle();
    await sync(platform, { reason: 'scheduled' });
    expect(await storedComment(id)).toBe(true);

    site().editContentComment(id, { authorId: someone });
    await platform.runtime.idle();
    expect(await storedComment(id)).toBe(true);
  });
});
