import { z } from 'zod';
import type { ActivityKind } from './activity';
import { DAY_MS } from './time-window';

/**
 * Daily rollups, stored one document per ISO week (Monday first), so a 90-day dashboard reads
 * 14 documents in one batch. A week counts per day × teammate × kind × container; its stored
 * layout (integer rows over per-week dictionaries, far below the 240 KiB KVS value limit at 50
 * teammates × 8 kinds × many containers × 7 days) belongs to src/store/rollup-week-format.ts.
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

/** One expanded rollup cell, what the dashboard filters and sums. */
export interface RollupCell {
  day: string;
  teammateId: string;
  kind: ActivityKind;
  container: RollupContainer;
  count: number;
  seconds: number;
}

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
