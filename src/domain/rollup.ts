import { z } from 'zod';
import { ACTIVITY_KINDS, type Activity, type ActivityKind, containerKey, utcDay } from './activity';

/**
 * Daily rollups, stored one document per ISO week (Monday first), so a 90-day dashboard reads
 * 14 documents in one batch. Rows are integer tuples over per-week dictionaries to stay far
 * below the 240 KiB KVS value limit at 50 teammates × 8 kinds × many containers × 7 days.
 */
export const rollupContainerSchema = z.object({
  key: z.string(), // containerKey(): "<dataSourceId>/<project|space>:<id>"
  dataSourceId: z.string(),
  type: z.enum(['project', 'space']),
  id: z.string(),
  containerKey: z.string(), // project key or space key as users know it
  name: z.string(),
});
export type RollupContainer = z.infer<typeof rollupContainerSchema>;

/** [dayOffset 0..6, teammate index, kind index (ACTIVITY_KINDS), container index, count, seconds] */
export const rollupRowSchema = z.tuple([
  z.number().int().min(0).max(6),
  z.number().int().nonnegative(),
  z.number().int().min(0).max(ACTIVITY_KINDS.length - 1),
  z.number().int().nonnegative(),
  z.number().int().positive(),
  z.number().int().nonnegative(),
]);
export const rollupWeekSchema = z.object({
  v: z.literal(1),
  week: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  teammates: z.array(z.string()),
  containers: z.array(rollupContainerSchema),
  rows: z.array(rollupRowSchema),
});
export type RollupWeek = z.infer<typeof rollupWeekSchema>;

/** One expanded rollup cell, what the dashboard filters and sums. */
export interface RollupCell {
  day: string;
  teammateId: string;
  kind: ActivityKind;
  container: RollupContainer;
  count: number;
  seconds: number;
}

const DAY_MS = 86_400_000;

/** ISO Monday (YYYY-MM-DD) of the UTC week containing `day`. */
export function weekOf(day: string): string {
  const t = Date.parse(`${day}T00:00:00.000Z`);
  const dow = (new Date(t).getUTCDay() + 6) % 7; // Monday = 0
  return new Date(t - dow * DAY_MS).toISOString().slice(0, 10);
}

/** Every week start touched by the closed day range [fromDay, toDay]. */
export function weeksBetween(fromDay: string, toDay: string): string[] {
  const out: string[] = [];
  let t = Date.parse(`${weekOf(fromDay)}T00:00:00.000Z`);
  const end = Date.parse(`${toDay}T00:00:00.000Z`);
  while (t <= end) {
    out.push(new Date(t).toISOString().slice(0, 10));
    t += 7 * DAY_MS;
  }
  return out;
}

export function expandRollupWeek(doc: RollupWeek): RollupCell[] {
  const start = Date.parse(`${doc.week}T00:00:00.000Z`);
  return doc.rows.map(([d, t, k, c, count, seconds]) => ({
    day: new Date(start + d * DAY_MS).toISOString().slice(0, 10),
    teammateId: doc.teammates[t],
    kind: ACTIVITY_KINDS[k],
    container: doc.containers[c],
    count,
    seconds,
  }));
}

/** Builds a week document from scratch from the activities of that week (a recount). */
export function buildRollupWeek(week: string, activities: Iterable<Activity>): RollupWeek {
  const teammates: string[] = [];
  const tIndex = new Map<string, number>();
  const containers: RollupContainer[] = [];
  const cIndex = new Map<string, number>();
  const cells = new Map<string, [number, number, number, number, number, number]>();
  const start = Date.parse(`${week}T00:00:00.000Z`);
  for (const a of activities) {
    const day = utcDay(a.at);
    if (weekOf(day) !== week) throw new Error(`activity ${a.id} is not in week ${week}`);
    const d = Math.round((Date.parse(`${day}T00:00:00.000Z`) - start) / DAY_MS);
    let t = tIndex.get(a.teammateId);
    if (t === undefined) {
      t = teammates.push(a.teammateId) - 1;
      tIndex.set(a.teammateId, t);
    }
    const ck = containerKey(a.dataSourceId, a.container);
    let c = cIndex.get(ck);
    if (c === undefined) {
      c =
        containers.push({
          key: ck,
          dataSourceId: a.dataSourceId,
          type: a.container.type,
          id: a.container.id,
          containerKey: a.container.key,
          name: a.container.name,
        }) - 1;
      cIndex.set(ck, c);
    }
    const k = ACTIVITY_KINDS.indexOf(a.kind);
    const cellKey = `${d}|${t}|${k}|${c}`;
    const row = cells.get(cellKey) ?? [d, t, k, c, 0, 0];
    row[4] += 1;
    row[5] += a.details.seconds ?? 0;
    cells.set(cellKey, row);
  }
  return { v: 1, week, teammates, containers, rows: [...cells.values()] };
}
