import type { RollupContainer } from '../../../src/domain/rollup';
import type { RollupWeek } from '../../../src/store/rollup-week-format';

/**
 * A week as 50 busy teammates make it: everyone active every day in 3 of 12 projects with five
 * kinds, ≈ 36 000 activities a week (≈ 1M over a 90-day range and its previous period). Counts
 * are what a recount would write; the summary's cost depends on rows, never on activity count.
 */
export function busyWeek(week: string, seed: number, teammates: string[]): RollupWeek {
  const containers: RollupContainer[] = Array.from({ length: 12 }, (_, i) => ({
    key: `host/project:${10000 + i}`,
    dataSourceId: 'host',
    type: 'project',
    id: String(10000 + i),
    containerKey: `P${i}`,
    name: `Project ${i}`,
  }));
  // Flat rows, six numbers each: the in-memory layout of src/store/rollup-week-format.ts.
  const rows: number[] = [];
  for (let d = 0; d < 7; d++) {
    for (let t = 0; t < teammates.length; t++) {
      for (let j = 0; j < 3; j++) {
        const c = (t + j * 5 + d) % containers.length;
        for (let k = 0; k < 5; k++) {
          const count = 1 + ((seed + d * 7 + t * 3 + j + k) % 13);
          rows.push(d, t, k, c, count, k === 4 ? count * 1800 : 0);
        }
      }
    }
  }
  return { week, teammates, containers, rows };
}
