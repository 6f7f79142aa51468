import type { LocalPlatform, TimeOptions } from '../../local/platform';
import { startTestPlatform } from './test-platform';
import type { SiteFixture } from '../../local/site/fixture-schema';
import type { Activity } from '../../src/domain/activity';
import type { Settings, TeammatesDoc } from '../../src/domain/config';
import { weekOf } from '../../src/domain/rollup';
import { createForgeKvs } from '../../src/platform/forge-kvs';
import { createActivityRepository, type ActivityRepository } from '../../src/store/activity-repository';
import { createConfigRepository, type ConfigRepository } from '../../src/store/config-repository';
import type { KvsPort } from '../../src/store/kvs-port';
import { createRollupRepository } from '../../src/store/rollup-repository';

/**
 * The local Forge platform with its sites, and the configuration a suite starts from written
 * through the store repositories (KVS is the emulator behind @forge/kvs).
 */
export interface SeededPlatform {
  platform: LocalPlatform;
  kvs: KvsPort;
  config: ConfigRepository;
  activities: ActivityRepository;
  /** Stores activities and recounts their weeks (see activityWriter). */
  store(list: Activity[]): Promise<void>;
}

export async function startSeededPlatform(opts: { sites: SiteFixture[]; settings?: Settings; teammates?: TeammatesDoc; time?: TimeOptions }): Promise<SeededPlatform> {
  const platform = await startTestPlatform({ sites: opts.sites, ...(opts.time ? { time: opts.time } : {}) });
  const kvs = createForgeKvs();
  const config = createConfigRepository(kvs);
  if (opts.settings) await config.saveSettings(opts.settings);
  if (opts.teammates) await config.saveTeammates(opts.teammates);
  const activities = createActivityRepository(kvs);
  return { platform, kvs, config, activities, store: activityWriter(kvs, activities) };
}

/** Writes activities through the store repositories and recounts the weeks they fall in, as the sync does. */
export function activityWriter(kvs: KvsPort, activities = createActivityRepository(kvs)): (list: Activity[]) => Promise<void> {
  const rollups = createRollupRepository(kvs, activities);
  return async (list) => {
    await activities.upsertMany(list);
    for (const week of new Set(list.map((a) => weekOf(a.at.slice(0, 10))))) await rollups.recountWeek(week);
  };
}
