import { generateSite } from '../../local/fixtures/generator';
import { SCALE_50K_OPTIONS, SCALE_OPTIONS } from '../../local/fixtures/scale';
import { siteCounts, type SiteCounts } from '../../local/fixtures/counts';
import type { GenerateOptions } from '../../local/fixtures/options';
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

/** The 5,000-issue reference site (every `npm run bench`) or the 50,000-issue one (`--scale 50k`). */
export type Scale = '5k' | '50k';

export function parseScale(v: string | undefined): Scale {
  if (v === undefined || v === '5k') return '5k';
  if (v === '50k') return '50k';
  throw new Error(`--scale takes 5k or 50k (got ${JSON.stringify(v)})`);
}

/** The generator's options for the reference site at a scale. */
export function referenceSiteOptions(scale: Scale = '5k'): Partial<GenerateOptions> {
  return { ...(scale === '50k' ? SCALE_50K_OPTIONS : SCALE_OPTIONS), now: REFERENCE_END };
}

export function referenceSite(scale: Scale = '5k'): SiteFixture {
  return generateSite(referenceSiteOptions(scale));
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

/** The 50k site: ten times as much, within the generator's spread (≈ 550k changelog, 220k comments, 120k worklogs, 100k versions). */
export const MINIMUM_COUNTS_50K: SiteCounts = {
  issues: 50_000,
  changelog: 500_000,
  comments: 200_000,
  worklogs: 100_000,
  pages: 20_000,
  versions: 100_000,
  confluenceComments: 50_000,
};

/** The counts the reference site falls short of (empty when it is big enough). */
export function shortfalls(c: SiteCounts, scale: Scale = '5k'): string[] {
  const min = scale === '50k' ? MINIMUM_COUNTS_50K : MINIMUM_COUNTS;
  return (Object.keys(min) as (keyof SiteCounts)[])
    .filter((k) => c[k] < min[k])
    .map((k) => `${k} ${c[k]} < ${min[k]}`);
}
