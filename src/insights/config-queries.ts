import type { DataSource, Settings, TeammatesDoc } from '../domain/config';
import { createConfigRepository } from '../store/config-repository';
import type { KvsPort } from '../store/kvs-port';
import { createRollupReader } from '../store/rollup-repository';
import { createSyncRunRepository } from '../store/sync-run-repository';

/**
 * The dashboard's reads of the stored configuration: the store's one reader, which the admin
 * page and the sync use too. A malformed document raises StoredConfigError, never guessed
 * around: showing the wrong people's activity is worse than an error.
 */
export const readSettings = (kvs: KvsPort): Promise<Settings> => createConfigRepository(kvs).getSettings();

export const readTeammates = (kvs: KvsPort): Promise<TeammatesDoc> => createConfigRepository(kvs).getTeammates();

export const listDataSources = (kvs: KvsPort): Promise<DataSource[]> => createConfigRepository(kvs).listDataSources();

/**
 * Whether any sync has ever run or stored anything: tells "no sync yet" apart from "nothing in
 * this range". Only asked when a range came back empty.
 */
export async function hasAnySyncData(kvs: KvsPort): Promise<boolean> {
  const [runs, weeks] = await Promise.all([createSyncRunRepository(kvs).hasAny(), createRollupReader(kvs).hasAny()]);
  return runs || weeks;
}
