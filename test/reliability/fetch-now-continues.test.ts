import type { LocalPlatform } from '../../local/platform';
import type { SiteFixture } from '../../local/site/fixture-schema';
import { diffActivities } from '../oracle/diff-activities';
import { expectedActivities } from '../oracle/expected-activities';
import { storedRuns } from './helpers/sync-driver';
import { adminOf, installScaledTime, mapTeammates, mustAdmin, smallSite, startWorld, storedActivities } from './helpers/world';

/**
 * "Fetch now" on a site too large for one invocation: each of the run's invocations goes on from
 * where the last one stopped. Before, every continuation started each unfinished stream's range
 * again, so a large backfill read the same pages over and over (and might never end).
 */
describe('Fetch now across many short invocations', () => {
  const clock = installScaledTime();
  let p: LocalPlatform;
  let site: SiteFixture;

  beforeAll(async () => {
    site = smallSite(61, { name: 'acme', issues: 80, pages: 90, versionsPerPage: 4, commentsPerPage: 2 });
    p = await startWorld([site], 61);
  }, 60_000);
  afterAll(async () => {
    await p?.close();
    clock.restore();
  });

  it('reads each page of the range once, and stores what the oracle expects', async () => {
    const admin = adminOf(site);
    // The admin page lists the sources first, which connects the host site.
    await mustAdmin(p, admin, 'sources/list', {});
    const mapping = await mapTeammates(p, site);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const logStart = p.sites!.requestLog.length;
    const invocationsStart = p.runtime.invocations.length;
    await mustAdmin(p, admin, 'sources/fetch-now', { id: 'host', since: day(Date.now() - 30 * 86_400_000), until: day(Date.now()) });
    // The queue delivers the run's continuations one by one; a delayed one waits for its time.
    for (let i = 0; i < 400 && p.runtime.queue.size > 0; i++) {
      if ((await p.runtime.drainQueue({ maxEvents: 1 })).delivered === 0) clock.advance(60_000);
    }
    await p.runtime.idle();

    const run = storedRuns(p)[0];
    expect(run.status).toBe('succeeded');
    const consumers = p.runtime.invocations.slice(invocationsStart).filter((i) => i.kind === 'consumer');
    // The point of the test: the run needed several invocations. On virtual time its reads cost
    // about 3.2 s, more than one 3 s consumer holds, so it splits however the streams interleave.
    expect(consumers.length).toBeGreaterThan(1);

    // Content reads (CQL pages, v2 lists and version histories) are each made once.
    const reads = p.sites!.requestLog.slice(logStart).filter((e) => e.method === 'GET' && /\/wiki\/(rest\/api\/search|api\/v2\/(pages|blogposts|footer-comments|inline-comments))/.test(e.path));
    const seen = new Map<string, number>();
    for (const r of reads) seen.set(r.path, (seen.get(r.path) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1)).toEqual([]);
    expect(reads.length).toBeGreaterThan(10);

    const since = Date.parse(`${day(Date.now() - 30 * 86_400_000)}T00:00:00.000Z`);
    const expected = expectedActivities(site, { dataSourceId: 'host', siteUrl: 'https://acme.atlassian.net', mapping, since, until: Date.now() });
    const stored = storedActivities(p).filter((a) => Date.parse(a.at) >= since);
    expect(diffActivities(expected, stored).report(5)).toBe(diffActivities(expected, expected).report(5));
  }, 180_000);
});
