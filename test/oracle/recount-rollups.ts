import { type Activity, utcDay } from '../../src/domain/activity';
import { type RollupCell, weekOf } from '../../src/domain/rollup';
import { buildRollupWeek } from '../../src/store/rollup-counts';
import { expandRollupWeek, type RollupWeek } from '../../src/store/rollup-week-format';

/**
 * Rollups recounted from scratch from a list of activities: one RollupWeek per ISO week (Monday
 * first, UTC days), in week order. What the stored rollups must add up to.
 */
export function recountRollups(activities: Iterable<Activity>): Map<string, RollupWeek> {
  const byWeek = new Map<string, Activity[]>();
  for (const a of activities) {
    const week = weekOf(utcDay(a.at));
    const list = byWeek.get(week);
    if (list) list.push(a);
    else byWeek.set(week, [a]);
  }
  const out = new Map<string, RollupWeek>();
  for (const week of [...byWeek.keys()].sort()) {
    const list = byWeek.get(week)!.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    out.set(week, buildRollupWeek(week, list));
  }
  return out;
}

/**
 * A week's cells in a canonical order, with the container reduced to its key: two documents
 * that count the same things compare equal however their dictionaries were ordered.
 */
export function rollupCells(doc: RollupWeek): Array<Omit<RollupCell, 'container'> & { container: string }> {
  return expandRollupWeek(doc)
    .map((c) => ({ ...c, container: c.container.key }))
    .sort((a, b) => {
      const ka = `${a.day}|${a.teammateId}|${a.kind}|${a.container}`;
      const kb = `${b.day}|${b.teammateId}|${b.kind}|${b.container}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
}
