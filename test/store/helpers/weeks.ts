import { ACTIVITY_KINDS } from '../../../src/domain/activity';
import type { RollupContainer } from '../../../src/domain/rollup';
import { forEachRollupRow, RollupWeekBuilder, type RollupWeek } from '../../../src/store/rollup-week-format';

/** Project `i` of the host site, as a rollup week's dictionary holds it. */
export const container = (i: number): RollupContainer => ({ key: `host/project:${i}`, dataSourceId: 'host', type: 'project', id: String(i), containerKey: `P${i}`, name: `Project ${i}` });

/**
 * The week of 2026-11-23 with a row for every day x teammate x kind x container, each count and
 * seconds several characters long packed: 120 teammates x 12 containers is 80,640 rows, about
 * 640 KB packed, more than one KVS value holds. `salt` shifts the counts (another version).
 */
export function busyWeek(teammates: number, containers: number, salt = 0): RollupWeek {
  const b = new RollupWeekBuilder('2026-11-23');
  for (let t = 0; t < teammates; t++) {
    for (let c = 0; c < containers; c++) {
      for (let d = 0; d < 7; d++) for (let k = 0; k < ACTIVITY_KINDS.length; k++) b.add(d, `tm-${t}`, k, container(c), 1 + ((t * 31 + c * 7 + d + k + salt) % 3000), (t + c + d + k) * 900);
    }
  }
  return b.build();
}

/** Every row of a week, in order, as [day, teammate, kind, container, count, seconds]. */
export function rowsOf(doc: RollupWeek): number[][] {
  const out: number[][] = [];
  forEachRollupRow(doc, (...r) => void out.push(r));
  return out;
}
