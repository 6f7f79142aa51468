import { z } from 'zod';
import { AppError } from '../shared/app-error';
import { ACTIVITY_KINDS } from '../domain/activity';
import { rollupContainerSchema, weeksBetween, type RollupWeek } from '../domain/rollup';
import { ENTITY, KEY } from '../store/keys';
import { KVS_BATCH_LIMIT, type KvsPort } from '../store/kvs-port';

/**
 * Reads the week documents of a day range in as few batch reads as the KVS allows (25 keys
 * each, issued together). Missing weeks simply have no activity.
 */
export async function loadRollupWeeks(kvs: KvsPort, fromDay: string, toDay: string): Promise<RollupWeek[]> {
  const weeks = weeksBetween(fromDay, toDay);
  const chunks: string[][] = [];
  for (let i = 0; i < weeks.length; i += KVS_BATCH_LIMIT) chunks.push(weeks.slice(i, i + KVS_BATCH_LIMIT));
  const pages = await Promise.all(
    chunks.map((c) => kvs.batchGet<unknown>(c.map((w) => ({ key: KEY.rollupWeek(w), entity: ENTITY.rollupWeek })))),
  );
  const out: RollupWeek[] = [];
  for (const entry of pages.flat()) out.push(parseStoredRollup(entry.key, entry.value));
  return out;
}

// The envelope goes through zod; the rows (tens of thousands of integer tuples in a busy week)
// are checked by a tight loop, which keeps a 90-day read well inside the latency budget.
const storedEnvelope = z.object({
  data: z.object({
    v: z.literal(1),
    week: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    teammates: z.array(z.string()),
    containers: z.array(rollupContainerSchema),
    rows: z.array(z.unknown()),
  }),
});

export class StoredRollupError extends AppError {
  constructor(key: string, detail: string) {
    super('stored-rollup-malformed', `rollup document ${key} is malformed: ${detail}`);
  }
}

export function parseStoredRollup(key: string, value: unknown): RollupWeek {
  const env = storedEnvelope.safeParse(value);
  if (!env.success) {
    throw new StoredRollupError(key, env.error.issues.map((i) => i.path.join('.') || '(root)').join(', '));
  }
  const doc = env.data.data;
  const nT = doc.teammates.length;
  const nC = doc.containers.length;
  const nK = ACTIVITY_KINDS.length;
  for (let i = 0; i < doc.rows.length; i++) {
    const r = doc.rows[i] as unknown[];
    if (
      !Array.isArray(r) ||
      r.length !== 6 ||
      !isIntIn(r[0], 0, 6) ||
      !isIntIn(r[1], 0, nT - 1) ||
      !isIntIn(r[2], 0, nK - 1) ||
      !isIntIn(r[3], 0, nC - 1) ||
      !isIntIn(r[4], 1, Number.MAX_SAFE_INTEGER) ||
      !isIntIn(r[5], 0, Number.MAX_SAFE_INTEGER)
    ) {
      throw new StoredRollupError(key, `rows.${i}`);
    }
  }
  return doc as RollupWeek;
}

function isIntIn(v: unknown, min: number, max: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}
