jest.setTimeout(120_000);

import type { LocalPlatform } from '../../local/platform';
import { startTestPlatform } from '../helpers/test-platform';
import { runCliSync } from '../../local/cli/sync/run-cli-sync';
import { lowerBound } from '../../local/cli/sync/lower-bound';
import { diffActivities } from '../oracle/diff-activities';
import { DAY, oracle, rollupComparison, siteEndingNow } from './helpers';

describe('full sync of a generated site', () => {
  const fixture = siteEndingNow({ seed: 5, issues: 250, pages: 50 });
  const nowMs = Date.parse(fixture.issues.reduce((a, i) => (i.updated > a ? i.updated : a), '')) + DAY;
  const window = { sinceMs: nowMs - 45 * DAY, untilMs: nowMs };
  let platform: LocalPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [fixture] });
  });
  afterAll(() => platform.close());

  it('stores exactly what the oracle expects, with exact rollups, in close to the fewest calls', async () => {
    const res = await runCliSync(platform, fixture, { window });
    expect(res.status).toBe('succeeded');
    const diff = diffActivities(oracle(fixture, res.mapping, window.sinceMs, window.untilMs), res.activities);
    expect(diff.report(10)).toBe(diffActivities([], []).report(10));
    expect(diff.equal).toBe(true);
    expect(res.activities.length).toBeGreaterThan(1000);

    const calls = Object.values(res.calls).reduce((a, b) => a + b, 0);
    const bound = lowerBound(fixture, window.sinceMs).total;
    expect(calls / bound).toBeLessThanOrEqual(1.2);
    // A per-issue strategy needs at least one changelog, comment and worklog call per issue.
    expect(calls * 10).toBeLessThanOrEqual(fixture.issues.length * 3);

    const rollups = await rollupComparison(platform);
    expect(rollups.actual).toEqual(rollups.expected);
  });
});
