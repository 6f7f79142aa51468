import { generateSite } from '../../local/fixtures/generator';
import { SCALE_OPTIONS } from '../../local/fixtures/scale';
import { siteCounts, type SiteCounts } from '../../local/fixtures/counts';
import type { SiteFixture } from '../../local/site/fixture-schema';

export { siteCounts };

const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * The reference site and its clock. Everything runs on virtual time fixed here (the site's
 * clock and the sync's), so the same site, windows and edits come out on every run and the
 * call counts in the table are reproducible to the call.
 */
export const REFERENCE_END = '2026-11-20T12:00:00.000Z';
/** The full sync runs an hour after the site's history ends. */
export const FULL_SYNC_AT = Date.parse(REFERENCE_END) + HOUR_MS;
/** The incremental sync runs a day later, after a day of edits. */
export const INCREMENTAL_AT = FULL_SYNC_AT + DAY_MS;

export function referenceSite(): SiteFixture {
  return generateSite({ ...SCALE_OPTIONS, now: REFERENCE_END });
}

export const MINIMUM_COUNTS: SiteCounts = {
  issues: 5000,
  changelog: 50_000,
  comments: 20_000,
  worklogs: 10_000,
  pages: 2000,
  versions: 10_000,
  confluenceComments: 5000,
};

/** The counts the reference site falls short of (empty when it is big enough). */
export function shortfalls(c: SiteCounts): string[] {
  return (Object.keys(MINIMUM_COUNTS) as (keyof SiteCounts)[])
    .filter((k) => c[k] < MINIMUM_COUNTS[k])
    .map((k) => `${k} ${c[k]} < ${MINIMUM_COUNTS[k]}`);
}
