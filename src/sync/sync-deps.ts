import type { ConfluenceConnection } from '../domain/app-installation';
import type { DataSource } from '../domain/config';
import type { SiteClient } from '../sources/site-client';
import type { ActivityRepository } from '../store/activity-repository';
import type { ConfigRepository } from '../store/config-repository';
import type { TrashedContentRepository } from '../store/trashed-content-repository';
import type { CursorRepository } from '../store/cursor-repository';
import type { LeaseRepository } from '../store/lease-repository';
import type { RollupRepository } from '../store/rollup-repository';
import type { SyncRunRepository } from '../store/sync-run-repository';
import type { SyncStateRepository } from '../store/sync-state-repository';

export interface SyncLimits {
  /** Stop starting new pages when fewer ms than this are left in the invocation. */
  safetyMs: number;
  lookbackMs: number;
  settleMs: number;
  leaseMs: number;
  /** A rate-limited site may make the run wait at most this long in total, this many times. */
  maxRateLimited: number;
  maxRateWaitMs: number;
  /**
   * Delay of the continuation job after a run was stopped by rate limiting, when the site did not
   * say until when (jitter is added). When it did, the run resumes at that time instead.
   */
  rateLimitedResumeSec: number;
  /** How often a sweep run checks stored issues, pages and comments for deletions. */
  sweepIntervalMs: number;
}

export const DEFAULT_LIMITS: SyncLimits = {
  safetyMs: 60_000,
  lookbackMs: 15 * 60_000,
  settleMs: 60_000,
  leaseMs: 15 * 60_000,
  maxRateLimited: 40,
  maxRateWaitMs: 120_000,
  rateLimitedResumeSec: 120,
  sweepIntervalMs: 24 * 3_600_000,
};

/** Forge async events: `delayInSeconds` is at most 900 (https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/). */
export const MAX_QUEUE_DELAY_SEC = 900;

/**
 * A queued continuation of a run. `notBeforeMs`: the run may not go on before then (a rate
 * limit's reset further away than one queue delay); the job re-queues itself until it is due.
 */
export interface ContinuationJob {
  runId: string;
  dataSourceId: string;
  notBeforeMs?: number;
}

/** Everything the sync needs from the outside, wired by the platform (or by tests). */
export interface SyncDeps {
  config: ConfigRepository;
  activities: ActivityRepository;
  rollups: RollupRepository;
  cursors: CursorRepository;
  leases: LeaseRepository;
  runs: SyncRunRepository;
  /** When the schedule last fired; which run each data source is on. */
  syncState: SyncStateRepository;
  /** Trashed content whose activity the sweep removed, looked up again by later syncs. */
  trashed: TrashedContentRepository;
  /** Raw clients for a data source's products (undefined when it has no such product). */
  clientsFor(ds: DataSource): { jira?: SiteClient; confluence?: SiteClient };
  /**
   * Whether the app's installation is connected to the host site's Confluence (an optional app
   * in the manifest's compatibility). Absent = 'unknown': Confluence is called as configured.
   */
  hostConfluence?(): ConfluenceConnection;
  /** Queues a continuation of a run; absent where no queue exists (the CLI loops instead). */
  enqueue?(body: ContinuationJob, delaySec: number): Promise<void>;
  /** Milliseconds left in this invocation, undefined when unbounded. */
  remainingMs(): number | undefined;
  now(): number;
  sleep?(ms: number): Promise<void>;
  random?(): number;
  limits: SyncLimits;
}
