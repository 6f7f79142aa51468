import type { TimeWindow } from '../domain/time-window';
import type { SyncRunView } from '../shared/admin-contract';

/** The sync engine as the admin page uses it. */
export interface SyncPort {
  /** Starts a run of one data source over a window; returns the ids of the runs started. */
  start(input: { dataSourceId: string; window: TimeWindow; reason: 'manual' }): Promise<string[]>;
  running(): Promise<SyncRunView[]>;
  cancel(runId: string): Promise<boolean>;
  history(limit: number): Promise<SyncRunView[]>;
}
