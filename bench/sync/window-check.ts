import { lowerBound } from '../../local/cli/sync/lower-bound';
import type { SiteFixture } from '../../local/site/fixture-schema';
import { expectedActivities } from '../../test/oracle/expected-activities';
import { teammateMappingFromFixture } from '../../test/oracle/teammate-mapping';

/** What a full sync of the host site over a window is held to. */
export interface WindowCheck {
  /** The fewest calls that read the site (local/cli/sync/lower-bound.ts). */
  bound: { total: number; byEndpoint: Record<string, number> };
  /** Activities the test oracle counts for the window, every user a teammate. */
  expected: number;
}

export function checkWindow(fixture: SiteFixture, sinceMs: number, untilMs: number): WindowCheck {
  const siteUrl = `https://${fixture.name}.atlassian.net`;
  const mapping = teammateMappingFromFixture(fixture);
  return {
    bound: lowerBound(fixture, sinceMs),
    expected: expectedActivities(fixture, { dataSourceId: 'host', siteUrl, mapping, since: sinceMs, until: untilMs }).length,
  };
}
