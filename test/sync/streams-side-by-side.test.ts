import { seedFromFixture } from '../../local/cli/sync/seed';
import type { LocalPlatform } from '../../local/platform';
import { STREAM } from '../../src/domain/stream-id';
import type { SiteClient } from '../../src/sources/site-client';
import type { StreamCursor } from '../../src/store/cursor-repository';
import type { ContinuationJob } from '../../src/sync/sync-deps';
import { createSyncService } from '../../src/sync/sync-service';
import { MAX_IN_FLIGHT_PER_SITE } from '../../src/sync/site-gate';
import { startTestPlatform } from '../helpers/test-platform';
import { DAY, inApp, siteEndingNow } from './helpers';

jest.setTimeout(180_000);

/**
 * One invocation reads the Jira and the Confluence streams of a data source side by side, at
 * most MAX_IN_FLIGHT_PER_SITE requests at a time; a stream that fails or is rate limited stops
 * alone: the others finish and move their watermarks, its own stays where it was.
 */
describe('the streams of a data source, side by side', () => {
  const fixture = siteEndingNow({ seed: 41, issues: 30, pages: 12, users: 4 });
  let platform: LocalPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [fixture] });
    await inApp(platform, (d) => seedFromFixture(d.config, fixture, { mappedAt: new Date(Date.now() - DAY).toISOString() }));
  });
  afterAll(() => platform.close());

  const cursors = () =>
    inApp(platform, async (d) => Object.fromEntries(await Promise.all([STREAM.jiraIssues, STREAM.jiraWorklogs, STREAM.confluenceContent, STREAM.confluenceComments].map(async (s) => [s, await d.cursors.get('host', s)] as const))) as Record<string, StreamCursor>);

  it('has Jira and Confluence requests in flight at once, never more than the cap', async () => {
    platform.sites!.faults.clear();
    const inFlight = { jira: 0, confluence: 0, most: 0, both: false };
    const counted = (c: SiteClient | undefined): SiteClient | undefined =>
      c && {
        ...c,
        async request(method, path, body) {
          inFlight[c.product] += 1;
          inFlight.most = Math.max(inFlight.most, inFlight.jira + inFlight.confluence);
          inFlight.both ||= inFlight.jira > 0 && inFlight.confluence > 0;
          try {
            return await c.request(method, path, body);
          } finally {
            inFlight[c.product] -= 1;
          }
        },
      };
    const [run] = await inApp(platform, (d) =>
      createSyncService({ ...d, clientsFor: (ds) => { const raw = d.clientsFor(ds); return { jira: counted(raw.jira), confluence: counted(raw.confluence) }; } })
        .startSync({ reason: 'manual', dataSourceId: 'host' }, { inline: true, loop: true }),
    );
    expect(run.status).toBe('succeeded');
    expect(inFlight.both).toBe(true);
    expect(inFlight.most).toBeGreaterThan(1);
    expect(inFlight.most).toBeLessThanOrEqual(MAX_IN_FLIGHT_PER_SITE);
  });

  it('a stream that fails keeps its watermark while the others finish and move theirs', async () => {
    platform.sites!.faults.clear();
    const before = await cursors();
    // Every attempt at the Confluence content search fails: retries cannot help.
    platform.sites!.faults.add({ match: { pathPrefix: '/wiki/rest/api/search' }, type: 'status5xx', status: 500 });
    try {
      const [run] = await inApp(platform, (d) => createSyncService(d).startSync({ reason: 'manual', dataSourceId: 'host' }, { inline: true, loop: true }));
      expect(run.status).toBe('partial');
      expect(run.streams[STREAM.confluenceContent].status).toBe('failed');
      expect(run.streams[STREAM.jiraIssues].status).toBe('done');
      expect(run.streams[STREAM.jiraWorklogs].status).toBe('done');
    } finally {
      platform.sites!.faults.clear();
    }
    const after = await cursors();
    expect(after[STREAM.confluenceContent].watermarkMs).toBe(before[STREAM.confluenceContent].watermarkMs);
    expect(after[STREAM.confluenceContent].lastError).toBeDefined();
    expect(after[STREAM.jiraIssues].watermarkMs).toBeGreaterThan(before[STREAM.jiraIssues].watermarkMs!);
    expect(after[STREAM.jiraWorklogs].watermarkMs).toBeGreaterThan(before[STREAM.jiraWorklogs].watermarkMs!);
  });

  it('a rate-limited stream waits for its reset while the others finish in the same invocation', async () => {
    platform.sites!.faults.clear();
    const before = await cursors();
    // The first stream read is limited: the Confluence streams still finish in this invocation.
    platform.sites!.faults.add({ match: { pathPrefix: '/rest/api/3/search/jql' }, type: 'status429', retryAfterSec: 600, times: 1 });
    const clock = { now: Date.now() };
    const queued: { job: ContinuationJob; delaySec: number }[] = [];
    const service = (d: Parameters<typeof createSyncService>[0]) => createSyncService({ ...d, now: () => clock.now, enqueue: async (job, delaySec) => void queued.push({ job, delaySec }) });
    const [run] = await inApp(platform, (d) => service(d).startSync({ reason: 'manual', dataSourceId: 'host' }, { inline: true }));
    expect(run.status).toBe('running');
    expect(run.streams[STREAM.jiraIssues].status).toBe('pending');
    // Worklogs reuse the issues' reads: they wait for the issues' next turn.
    expect(run.streams[STREAM.jiraWorklogs].status).toBe('pending');
    expect(run.streams[STREAM.confluenceContent].status).toBe('done');
    expect(run.streams[STREAM.confluenceComments].status).toBe('done');
    expect(queued).toHaveLength(1);
    expect(queued[0].delaySec).toBeGreaterThanOrEqual(600);
    const waiting = await cursors();
    expect(waiting[STREAM.jiraIssues].watermarkMs).toBe(before[STREAM.jiraIssues].watermarkMs);
    expect(waiting[STREAM.jiraWorklogs].watermarkMs).toBe(before[STREAM.jiraWorklogs].watermarkMs);
    expect(waiting[STREAM.confluenceContent].watermarkMs).toBeGreaterThan(before[STREAM.confluenceContent].watermarkMs!);
    expect(waiting[STREAM.confluenceComments].watermarkMs).toBeGreaterThan(before[STREAM.confluenceComments].watermarkMs!);

    clock.now += queued[0].delaySec * 1000;
    const done = await inApp(platform, (d) => service(d).continueSync(queued[0].job));
    expect(done?.status).toBe('succeeded');
    expect((await cursors())[STREAM.jiraIssues].watermarkMs).toBeGreaterThan(before[STREAM.jiraIssues].watermarkMs!);
  });
});
