import { containerKey, utcDay, type Activity } from '../domain/activity';
import { weekOf, type RollupContainer } from '../domain/rollup';
import { RollupWeekBuilder, type RollupWeek } from './rollup-week-format';
import { DAY_MS } from '../domain/time-window';

function containerOf(a: Activity): RollupContainer {
  return {
    key: containerKey(a.dataSourceId, a.container),
    dataSourceId: a.dataSourceId,
    type: a.container.type,
    id: a.container.id,
    containerKey: a.container.key,
    name: a.container.name,
  };
}

/** Day of the week (0 = Monday) of an activity, for the week starting at `weekStartMs`. */
const dayIn = (weekStartMs: number, a: Activity) => Math.round((Date.parse(`${utcDay(a.at)}T00:00:00.000Z`) - weekStartMs) / DAY_MS);

/** Builds a week document from scratch from the activities of that week (a recount). */
export function buildRollupWeek(week: string, activities: Iterable<Activity>): RollupWeek {
  const start = Date.parse(`${week}T00:00:00.000Z`);
  const b = new RollupWeekBuilder(week);
  for (const a of activities) {
    if (weekOf(utcDay(a.at)) !== week) throw new Error(`activity ${a.id} is not in week ${week}`);
    b.add(dayIn(start, a), a.teammateId, a.kind, containerOf(a), 1, a.details.seconds ?? 0);
  }
  return b.build();
}

/**
 * A week document with some activities taken out and others added, or undefined when the
 * document cannot have counted what is taken out (a count would go below zero): then only a
 * recount from the activity index is trustworthy.
 */
export function applyRollupDelta(doc: RollupWeek, removed: Activity[], added: Activity[]): RollupWeek | undefined {
  const start = Date.parse(`${doc.week}T00:00:00.000Z`);
  const b = new RollupWeekBuilder(doc.week);
  b.addWeek(doc);
  const change = (a: Activity, sign: 1 | -1): boolean => {
    const day = dayIn(start, a);
    return day >= 0 && day <= 6 && b.add(day, a.teammateId, a.kind, containerOf(a), sign, sign * (a.details.seconds ?? 0));
  };
  for (const a of removed) if (!change(a, -1)) return undefined;
  for (const a of added) if (!change(a, 1)) return undefined;
  return b.build();
}
