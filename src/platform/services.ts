import { createPurgeJobs, type PurgeJobs } from '../privacy/purge-jobs';
import { createActivityRepository } from '../store/activity-repository';
import { createPurgeJobRepository } from '../store/purge-job-repository';
import { createConfigRepository, type ConfigRepository } from '../store/config-repository';
import { createCursorRepository } from '../store/cursor-repository';
import { createLeaseRepository } from '../store/lease-repository';
import { createRollupRepository } from '../store/rollup-repository';
import { createSyncRunRepository } from '../store/sync-run-repository';
import { createSyncStateRepository } from '../store/sync-state-repository';
import { createTrashedContentRepository } from '../store/trashed-content-repository';
import { DEFAULT_LIMITS, type SyncDeps, type SyncLimits } from '../sync/sync-deps';
import { createSyncService, type SyncService } from '../sync/sync-service';
import { createLiveCapture, type LiveCapture } from '../sync/live-capture';
import { teammateAccounts } from '../sync/teammate-map';
import { hostConfluenceConnection, remainingInvocationMs } from './app-context';
import { getKvs } from './forge-kvs';
import { createSiteClient } from './site-client-factory';
import { createForgeSyncQueue } from './sync-queue';

/** Composition for entry points: the repositories and the sync wired to the Forge adapters. */
let config: ConfigRepository | undefined;
export function getConfigRepository(): ConfigRepository {
  config ??= createConfigRepository(getKvs());
  return config;
}

export interface SyncDepsOptions {
  /** False where no queue consumer exists (the CLI): continuations then run in a loop. */
  useQueue?: boolean;
  limits?: Partial<SyncLimits>;
}

export function createForgeSyncDeps(opts: SyncDepsOptions = {}): SyncDeps {
  const kvs = getKvs();
  const cfg = getConfigRepository();
  const activities = createActivityRepository(kvs);
  const queue = opts.useQueue === false ? undefined : createForgeSyncQueue();
  return {
    config: cfg,
    activities,
    rollups: createRollupRepository(kvs, activities),
    cursors: createCursorRepository(kvs),
    leases: createLeaseRepository(kvs),
    runs: createSyncRunRepository(kvs),
    syncState: createSyncStateRepository(kvs),
    trashed: createTrashedContentRepository(kvs),
    clientsFor: (ds) => ({ jira: createSiteClient(ds, 'jira', cfg), confluence: createSiteClient(ds, 'confluence', cfg) }),
    ...(queue ? { enqueue: async (body, delaySec) => void (await queue.push({ ...body }, delaySec)) } : {}),
    hostConfluence: hostConfluenceConnection,
    remainingMs: remainingInvocationMs,
    now: Date.now,
    limits: { ...DEFAULT_LIMITS, ...opts.limits },
  };
}

let live: LiveCapture | undefined;
/** Product-event capture on the host site (no queue: an event is small). */
export function getLiveCapture(): LiveCapture {
  live ??= createLiveCapture(createForgeSyncDeps({ useQueue: false }));
  return live;
}

let sync: SyncService | undefined;
/** The sync services (start, continue, progress, cancel, history, tick) for entry points. */
export function getSyncService(): SyncService {
  sync ??= createSyncService(createForgeSyncDeps());
  return sync;
}

let purges: PurgeJobs | undefined;
/** Purges of stored activities that resume by themselves (queue, then the scheduled trigger). */
export function getPurgeJobs(): PurgeJobs {
  if (!purges) {
    const kvs = getKvs();
    const activities = createActivityRepository(kvs);
    const queue = createForgeSyncQueue();
    purges = createPurgeJobs({
      activities,
      rollups: createRollupRepository(kvs, activities),
      jobs: createPurgeJobRepository(kvs),
      enqueue: async (body, delaySec) => void (await queue.push(body, delaySec)),
      remainingMs: remainingInvocationMs,
      now: Date.now,
      accountsOf: async (teammateId) => {
        const doc = await getConfigRepository().getTeammates();
        return (dataSourceId) => new Set([...teammateAccounts(doc, dataSourceId)].filter(([, owner]) => owner === teammateId).map(([account]) => account));
      },
    });
  }
  return purges;
}
