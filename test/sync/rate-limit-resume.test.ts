import { seedFromFixture } from '../../local/cli/sync/seed';
import type { LocalPlatform } from '../../local/platform';
import type { SyncRun } from '../../src/store/sync-run-repository';
import type { ContinuationJob } from '../../src/sync/sync-deps';
import { createSyncService } from '../../src/sync/sync-service';
import { startTestPlatform } from '../helpers/test-platform';
import { DAY, inApp, siteEndingNow } from './helpers';

jest.setTimeout(180_000);

/**
 * A rate-limited run resumes when the site said it may, not after a fixed pause: Jira and
 * Confluence send Retry-After (seconds) and X-RateLimit-Reset (when the limit resets)
 * (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/,
 * https://developer.atlassian.com/cloud/confluence/rate-limiting/). A queued job waits at most
 * 900 s (Forge async events), so a later reset is reached in hops that touch no site.
 */
describe('a rate-limited run resumes at the reset', () => {
  const fixture = siteEndingNow({ seed: 31, issues: 12, pages: 0, users: 4 });
  let platform: LocalPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [fixture] });
    await inApp(platform, (d) => seedFromFixture(d.config, fixture, { mappedAt: new Date(Date.now() - DAY).toISOString() }));
  });
  afterAll(() => platform.close());

  /** Runs `fn` with a sync service whose queue is a list and whose clock the test moves. */
  function withService<T>(clock: { now: number }, queued: { job: ContinuationJob; delaySec: number }[], fn: (s: ReturnType<typeof createSyncService>) => Promise<T>) {
    return inApp(platform, (d) =>
      fn(createSyncService({ ...d, now: () => clock.now, enqueue: async (job, delaySec) => void queued.push({ job, delaySec }) })),
    );
  }

  it('queues the continuation for the Retry-After the site gave, with jitter, not a fixed 120 s', async () => {
    platform.sites!.faults.clear();
    platform.sites!.faults.add({ match: { pathPrefix: '/rest/api/3/search/jql' }, type: 'status429', retryAfterSec: 600, times: 1 });
    const clock = { now: Date.now() };
    const queued: { job: ContinuationJob; delaySec: number }[] = [];
    const [run] = await withService(clock, queued, (s) => s.startSync({ reason: 'manual', dataSourceId: 'host' }, { inline: true }));
    expect(run.status).toBe('running');
    expect(queued).toHaveLength(1);
    expect(queued[0].delaySec).toBeGreaterThanOrEqual(600);
    // The reset header (minute precision, rounded up) may be up to 60 s later; jitter adds up to 20%.
    expect(queued[0].delaySec).toBeLessThanOrEqual(Math.ceil(660 * 1.2) + 1);
    expect(queued[0].job.notBeforeMs).toBeUndefined();
    await withService(clock, queued, (s) => s.cancelSync(run.id).then(() => s.continueSync(queued[0].job)));
  });

  it('waits for a reset half an hour away in queue hops that make no request, then finishes', async () => {
    platform.sites!.faults.clear();
    platform.sites!.faults.add({ match: { pathPrefix: '/rest/api/3/search/jql' }, type: 'status429', retryAfterSec: 1800, resetHeaderOnly: true, times: 1 });
    const clock = { now: Date.now() };
    const queued: { job: ContinuationJob; delaySec: number }[] = [];
    const [run] = await withService(clock, queued, (s) => s.startSync({ reason: 'manual', dataSourceId: 'host' }, { inline: true }));
    expect(queued.map((q) => q.delaySec)).toEqual([900]);
    const resumeAt = queued[0].job.notBeforeMs!;
    // X-RateLimit-Reset has minute precision (yyyy-MM-ddTHH:mmZ), rounded up.
    expect(resumeAt - clock.now).toBeGreaterThanOrEqual(1800_000 - 1000);

    // Each hop re-queues itself for what is left (at most 900 s) and asks no site anything.
    const requestsBefore = platform.sites!.requestLog.length;
    while (clock.now + queued[queued.length - 1].delaySec * 1000 < resumeAt) {
      const hop = queued[queued.length - 1];
      clock.now += hop.delaySec * 1000;
      const waiting = await withService(clock, queued, (s) => s.continueSync(hop.job));
      expect(waiting?.status).toBe('running');
      expect(queued[queued.length - 1].delaySec).toBe(Math.min(900, Math.ceil((resumeAt - clock.now) / 1000)));
    }
    expect(platform.sites!.requestLog.length).toBe(requestsBefore);
    expect(queued.length).toBeGreaterThanOrEqual(2);

    clock.now = resumeAt;
    const done = (await withService(clock, queued, (s) => s.continueSync(queued[queued.length - 1].job))) as SyncRun;
    expect(done.status).toBe('succeeded');
    expect(platform.sites!.requestLog.length).toBeGreaterThan(requestsBefore);
  });

  it('a run cancelled while it waits for a far reset ends at its next hop and frees the data source', async () => {
    platform.sites!.faults.clear();
    platform.sites!.faults.add({ match: { pathPrefix: '/rest/api/3/search/jql' }, type: 'status429', retryAfterSec: 3600, times: 1 });
    const clock = { now: Date.now() };
    const queued: { job: ContinuationJob; delaySec: number }[] = [];
    const [run] = await withService(clock, queued, (s) => s.startSync({ reason: 'manual', dataSourceId: 'host' }, { inline: true }));
    expect(queued[0].job.notBeforeMs).toBeDefined();
    clock.now += 900_000;
    const ended = await withService(clock, queued, (s) => s.cancelSync(run.id).then(() => s.continueSync(queued[0].job)));
    expect(ended?.status).toBe('cancelled');
    expect(queued).toHaveLength(1);
    const [next] = await withService(clock, queued, (s) => s.startSync({ reason: 'manual', dataSourceId: 'host' }, { inline: true }));
    expect(next.status).toBe('succeeded');
  });
});
