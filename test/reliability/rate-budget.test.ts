import { Figures } from './helpers/figures';
import { driveSyncToDone, storedRuns } from './helpers/sync-driver';
import { installScaledTime, mapTeammates, smallSite, startWorld } from './helpers/world';

/**
 * A site's rate-limit budget belongs to a run's invocation, not to the whole process. Found
 * while writing the fault schedules: the budgets were kept per site for the life of the
 * process and never reset, so once a warm process had seen 40 rate limits in total, every
 * later 429 ended the invocation at once instead of being waited out.
 */
const figures = new Figures('rate-limit budget');

describe('rate-limit budget', () => {
  const clock = installScaledTime({ scaledLimits: false });
  afterAll(() => {
    clock.restore();
    figures.print();
  });

  it('gives a later run a fresh budget in the same process', async () => {
    const site = smallSite(91, { name: 'acme' });
    const p = await startWorld([site], 91, { scaledLimits: false });
    try {
      await mapTeammates(p, site);
      // A long stretch of rate limiting: more than one budget's worth.
      p.sites!.faults.add({ match: { pathPrefix: '/rest/api/3/search/jql' }, type: 'status429', retryAfterSec: 0, times: 45 });
      const first = await driveSyncToDone(p, ['host'], { advance: clock.advance });
      expect(first.why ?? 'done').toBe('done');
      expect(p.sites!.faults.stats.status429).toBe(45);

      // Much later, one 429: the run waits it out and carries on in the same invocation.
      p.sites!.faults.resetStats();
      p.sites!.faults.add({ match: { pathPrefix: '/rest/api/3/search/jql' }, type: 'status429', retryAfterSec: 0, times: 1 });
      const before = p.runtime.invocations.length;
      const second = await driveSyncToDone(p, ['host'], { advance: clock.advance });
      expect(second.why ?? 'done').toBe('done');
      expect(p.sites!.faults.stats.status429).toBe(1);
      const latest = storedRuns(p)[0];
      expect(latest.doc.errors ?? []).toEqual([]);
      const invocations = p.runtime.invocations.slice(before).filter((i) => i.key === 'sync-schedule' || i.key === 'sync-consumer');
      figures.add('429s in the first run / second run', '45 / 1').add('invocations of the second run', invocations.length).add('errors recorded by the second run', (latest.doc.errors ?? []).length);
    } finally {
      await p.close();
    }
  }, 120_000);
});
