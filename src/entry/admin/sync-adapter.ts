import type { SyncPort } from '../../admin/sync-port';
import type { DataSource } from '../../domain/config';
import type { SyncRunView } from '../../shared/admin-contract';
import { AppError } from '../../sources/errors';
import type { ConfigRepository } from '../../store/config-repository';
import { createSyncRunRepository, type SyncRun } from '../../store/sync-run-repository';
import { getKvs } from '../../platform/forge-kvs';

/** A stored run as the admin page shows it: totals, duration and the source's name. */
export function toRunView(run: SyncRun, sources: DataSource[]): SyncRunView {
  const ended = run.endedAt ? Date.parse(run.endedAt) : undefined;
  return {
    id: run.id,
    dataSourceId: run.dataSourceId,
    dataSourceName: sources.find((s) => s.id === run.dataSourceId)?.name ?? 'deleted source',
    reason: run.reason,
    status: run.status,
    startedAt: run.startedAt,
    ...(run.endedAt ? { finishedAt: run.endedAt, durationMs: Math.max(0, (ended ?? 0) - Date.parse(run.startedAt)) } : {}),
    window: run.window,
    progress: run.progress,
    countsByKind: run.byKind,
    restCalls: Object.values(run.calls).reduce((a, b) => a + b, 0),
    rateLimited: run.rateLimited,
    errors: run.errors.map((e) => ({ code: e.code, message: e.message, ...(e.stream ? { stream: e.stream } : {}) })),
  };
}

export function createAdminSyncPort(config: ConfigRepository): SyncPort {
  const runs = createSyncRunRepository(getKvs());
  const views = async (limit: number) => {
    const [list, sources] = await Promise.all([runs.list(limit), config.listDataSources()]);
    return list.map((r) => toRunView(r, sources));
  };
  return {
    async start() {
      throw new AppError('INTERNAL', 'The sync engine is not available yet');
    },
    running: async () => (await views(50)).filter((r) => r.status === 'running'),
    async cancel() {
      throw new AppError('INTERNAL', 'The sync engine is not available yet');
    },
    history: (limit) => views(limit),
  };
}
