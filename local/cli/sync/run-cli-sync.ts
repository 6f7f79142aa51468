import type { Activity } from '../../../src/domain/activity';
import type { TimeWindow } from '../../../src/domain/time-window';
import { createForgeSyncDeps } from '../../../src/platform/services';
import type { SyncLimits } from '../../../src/sync/sync-deps';
import { createSyncService } from '../../../src/sync/sync-service';
import type { LocalPlatform } from '../../platform';
import type { SiteFixture } from '../../site/fixture-schema';
import { seedFromFixture } from './seed';

export interface CliSyncResult {
  status: string;
  sinceMs: number;
  byKind: Record<string, number>;
  calls: Record<string, number>;
  rateLimited: number;
  errors: { message: string }[];
  activities: Activity[];
  mapping: Map<string, string>;
}

/**
 * Seeds the configuration for a fixture and runs one sync of the host data source to the end,
 * in one long local invocation (continuations run in a loop instead of through the queue).
 */
export async function runCliSync(
  platform: LocalPlatform,
  fixture: SiteFixture,
  opts: { window?: TimeWindow; limits?: Partial<SyncLimits> } = {},
): Promise<CliSyncResult> {
  const out = await platform.runtime.runInContext({ key: 'cli-sync', limitMs: 6 * 3_600_000 }, async () => {
    const deps = createForgeSyncDeps({ useQueue: false, limits: opts.limits });
    const { mapping } = await seedFromFixture(deps.config, fixture, { mappedAt: new Date(0).toISOString() });
    const service = createSyncService(deps);
    const [run] = await service.startSync(
      { dataSourceId: 'host', reason: 'cli', ...(opts.window ? { window: opts.window } : {}) },
      { inline: true, loop: true },
    );
    const activities = await deps.activities.listBySource('host');
    return { run, activities, mapping };
  });
  if (out.record.status !== 'ok' || !out.result) throw new Error(`The sync invocation ended with ${out.record.status}: ${out.record.error ?? ''}`);
  const { run, activities, mapping } = out.result;
  const byKind: Record<string, number> = {};
  for (const a of activities) byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
  return {
    status: run.status,
    sinceMs: run.window.sinceMs,
    byKind,
    calls: run.calls,
    rateLimited: run.rateLimited,
    errors: run.errors,
    activities,
    mapping,
  };
}
