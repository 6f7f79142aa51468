import { diffActivities } from '../oracle/diff-activities';
import { expectedActivities } from '../oracle/expected-activities';
import { driveSyncToDone } from './helpers/sync-driver';
import { installScaledTime, mapTeammates, smallSite, startWorld, storedActivities } from './helpers/world';

/**
 * A stream step that fails half-way must leave its cursor where the last completed page left
 * it. Found by the fault schedules: the Confluence content step takes its batch of page ids
 * out of the pass state before loading them; when loading then stopped (a 429 asking for a
 * wait longer than the invocation had left), the failure path saved that mutated state, and
 * the continuation skipped the pages of the batch for good.
 */
describe('a failed stream step keeps its checkpoint', () => {
  const clock = installScaledTime();
  afterAll(() => clock.restore());

  it('stores every page activity after a long Retry-After on the page details call', async () => {
    const site = smallSite(7, { name: 'ckpt' });
    const p = await startWorld([site]);
    try {
      const mapping = await mapTeammates(p, site);
      // The wait asked for (10 s) is more than the scaled invocation has left: the step stops.
      p.sites!.faults.add({ match: { pathPrefix: '/wiki/api/v2/pages' }, type: 'status429', retryAfterSec: 10, times: 1 });
      const res = await driveSyncToDone(p, ['host'], { advance: clock.advance });
      expect(res.done).toBe(true);
      expect(p.sites!.faults.stats.status429).toBe(1);
      const expected = expectedActivities(site, { dataSourceId: 'host', siteUrl: 'https://ckpt.atlassian.net', mapping, since: 0, until: Date.now() });
      expect(expected.filter((a) => a.kind.startsWith('confluence.page')).length).toBeGreaterThan(0);
      const diff = diffActivities(expected, storedActivities(p));
      expect(diff.report(5)).toBe(diffActivities(expected, expected).report(5));
      expect(diff.missing).toEqual([]);
    } finally {
      await p.close();
    }
  }, 60_000);
});
