import { createRollupReader } from '../store/rollup-repository';
import type { RollupWeek } from '../store/rollup-week-format';
import type { KvsPort } from '../store/kvs-port';

/** The week documents of a day range; the store reads them and fails on a malformed one. */
export function loadRollupWeeks(kvs: KvsPort, fromDay: string, toDay: string): Promise<RollupWeek[]> {
  return createRollupReader(kvs).readRange(fromDay, toDay);
}
