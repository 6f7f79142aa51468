import { seedFromFixture } from '../../local/cli/sync/seed';
import type { LocalPlatform } from '../../local/platform';
import { startTestPlatform } from '../helpers/test-platform';
import { DAY, inApp, siteEndingNow, stored, sync } from './helpers';

jest.setTimeout(180_000);

/**
 * A product event handler has 25 s. An event that meets a rate limit it cannot wait out, or
 * requests that would run past its time, is handed to the queue (when the site lets us back in)
 * and stored by the queue consumer: never dropped, never cut off by the platform.
 */
describe('live events under rate limits and the 25 s limit', () => {
  const fixture = siteEndingNow({ seed: 37, issues: 20, pages: 0, users: 5 });
  let platform: LocalPlatform;
  let someone: string;
  const site = () => platform.sites!.site(fixture.name);

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [fixture], deliverHostEvents: true });
    const mapping = await inApp(platform, async (d) => (await seedFromFixture(d.config, fixture, { mappedAt: new Date(Date.now() - DAY).toISOString() })).mapping);
    someone = [...mapping.keys()][0];
    await sync(platform, { reason: 'scheduled' });
  });
  afterAll(() => platform.close());

  /** Adds a comment through the site (its event is delivered to the app) and returns its id. */
  function comment(n: number): string {
    const issue = site().fixture.issues.filter((i) => !i.deletedAt)[n];
    const event = site().addComment(issue.key, { authorId: someone, text: `live ${n}` });
    return String((event!.comment as { id: string }).id);
  }
  const storedComment = async (id: string) => (await stored(platform)).some((a) => a.kind === 'jira.comment' && a.details.commentId === id);
  const eventRuns = () => platform.runtime.invocations.filter((i) => i.kind === 'product-event');

  it('a Retry-After longer than the event may wait hands the event to the queue for that time', async () => {
    platform.sites!.faults.clear();
    platform.sites!.faults.add({ match: { pathPrefix: '/rest/api/3/issue/bulkfetch' }, type: 'status429', retryAfterSec: 30, times: 1 });
    platform.runtime.resetLog();
    const id = comment(0);
    await platform.runtime.idle();
    expect(eventRuns().map((i) => i.status)).toEqual(['ok']);
    const queued = platform.runtime.queue.peek().filter((e) => 'liveEvent' in e.body);
    expect(queued).toHaveLength(1);
    expect(queued[0].delayInSeconds).toBeGreaterThanOrEqual(30);
    expect(await storedComment(id)).toBe(false);

    await platform.runtime.drainQueue();
    expect(await storedComment(id)).toBe(true);
  });

  it('requests that would run past 25 s stop in time; the queue consumer stores the event', async () => {
    platform.sites!.faults.clear();
    // Each bulk fetch takes 8 s; the first two fail with 503.
    platform.sites!.faults.add({ match: { pathPrefix: '/rest/api/3/issue/bulkfetch' }, type: 'latency', delayMs: 8_000, times: 3 });
    platform.sites!.faults.add({ match: { pathPrefix: '/rest/api/3/issue/bulkfetch' }, type: 'status5xx', status: 503, times: 2 });
    platform.runtime.resetLog();
    const id = comment(1);
    await platform.runtime.idle();
    expect(eventRuns().map((i) => i.status)).toEqual(['ok']);
    expect(platform.runtime.queue.peek().filter((e) => 'liveEvent' in e.body)).toHaveLength(1);

    await platform.runtime.drainQueue();
    expect(platform.runtime.invocations.filter((i) => i.status === 'timeout')).toEqual([]);
    expect(await storedComment(id)).toBe(true);
  });
});
