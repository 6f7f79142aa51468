import { z } from 'zod';
import { AppError } from '../shared/app-error';
import {
  DEFAULT_SETTINGS,
  dataSourceSchema,
  settingsSchema,
  teammatesDocSchema,
  type DataSource,
  type Settings,
  type TeammatesDoc,
} from '../domain/config';
import { ENTITY, INDEX, KEY } from '../store/keys';
import type { KvsPort } from '../store/kvs-port';

/**
 * Read-only views of the stored configuration the dashboard needs. A malformed stored value is
 * reported, never guessed around: showing the wrong people's activity is worse than an error.
 */
export class StoredConfigError extends AppError {
  constructor(what: string, fields: string) {
    super('stored-config-malformed', `stored ${what} is malformed at: ${fields}`);
  }
}

function parseStored<T>(what: string, schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new StoredConfigError(what, r.error.issues.map((i) => i.path.join('.') || '(root)').join(', '));
  return r.data;
}

export async function readSettings(kvs: KvsPort): Promise<Settings> {
  const v = await kvs.get<unknown>(KEY.settings);
  return v === undefined ? DEFAULT_SETTINGS : parseStored('settings', settingsSchema, v);
}

export const EMPTY_TEAMMATES: TeammatesDoc = { v: 1, teammates: [], teams: [] };

export async function readTeammates(kvs: KvsPort): Promise<TeammatesDoc> {
  const v = await kvs.get<unknown>(KEY.teammates);
  return v === undefined ? EMPTY_TEAMMATES : parseStored('teammates', teammatesDocSchema, v);
}

export async function listDataSources(kvs: KvsPort): Promise<DataSource[]> {
  const out: DataSource[] = [];
  let cursor: string | undefined;
  do {
    const page = await kvs.queryPrefix<unknown>(KEY.dataSourcePrefix, cursor, 20);
    for (const e of page.results) out.push(parseStored(`data source ${e.key}`, dataSourceSchema, e.value));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/**
 * Whether any sync has ever run or stored anything: tells "no sync yet" apart from "nothing in
 * this range". Only asked when a range came back empty.
 */
export async function hasAnySyncData(kvs: KvsPort): Promise<boolean> {
  const [runs, weeks] = await Promise.all([
    kvs.entityQuery<unknown>(ENTITY.syncRun, { index: INDEX.syncRun.byStarted, limit: 1 }),
    kvs.entityQuery<unknown>(ENTITY.rollupWeek, { index: INDEX.rollupWeek.byWeek, limit: 1 }),
  ]);
  return runs.results.length > 0 || weeks.results.length > 0;
}
