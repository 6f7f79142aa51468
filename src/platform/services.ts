import { createConfigRepository, type ConfigRepository } from '../store/config-repository';
import { getKvs } from './forge-kvs';

/** Composition for entry points: the repositories wired to the Forge adapters. */
let config: ConfigRepository | undefined;
export function getConfigRepository(): ConfigRepository {
  config ??= createConfigRepository(getKvs());
  return config;
}
