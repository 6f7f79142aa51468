import type { SyncRunView } from '../shared/admin-contract';

/** The sync engine as the admin page uses it. */
export interface SyncPort {
  /** Starts a run of one data source over [since, until); returns the ids of the runs started. */
  start(input: { dataSourceId: string; since: Date; until: Date; reason: 'manual' }): Promise<string[]>;
  running(): Promise<SyncRunView[]>;
  cancel(runId: string): Promise<boolean>;
  history(limit: number): Promise<SyncRunView[]>;
}
