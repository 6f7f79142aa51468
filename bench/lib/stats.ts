/**
 * Summaries of repeated measurements. Every timed figure in the bench is the median of its
 * runs, so one slow run (a busy neighbour, a garbage collection) does not decide a verdict.
 */

/** The median of `xs` (the mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  return percentile(xs, 50);
}

/**
 * The p-th percentile (0..100) of `xs` by linear interpolation between closest ranks, so the
 * 50th is the median, the 0th the minimum and the 100th the maximum.
 */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) throw new RangeError('percentile of no measurements');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100 (got ${p})`);
  for (const x of xs) if (!Number.isFinite(x)) throw new RangeError(`not a finite measurement: ${x}`);
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export interface Summary {
  runs: number;
  median: number;
  min: number;
  max: number;
  p90: number;
}

export function summarize(xs: readonly number[]): Summary {
  return { runs: xs.length, median: median(xs), min: percentile(xs, 0), max: percentile(xs, 100), p90: percentile(xs, 90) };
}

/** "123 ms median of 5 (min 110, max 160)" with `unit` formatting each value. */
export function describeSummary(s: Summary, unit: (n: number) => string): string {
  return `${unit(s.median)} median of ${s.runs} (min ${unit(s.min)}, max ${unit(s.max)})`;
}

/**
 * Growth of a measure between two scales: the factor, and whether it stays within `limit`
 * (e.g. ×10.5 for a 10× larger site: linear with 5% slack).
 */
export function growth(small: number, large: number, limit: number): { factor: number; within: boolean } {
  const factor = small > 0 ? large / small : large > 0 ? Number.POSITIVE_INFINITY : 1;
  return { factor, within: factor <= limit };
}
