import type { SyncPort } from '../../admin/sync-port';
import type { DataSource } from '../../domain/config';
import { toIsoWindow } from '../../domain/time-window';
import type { SyncRunView } from '../../shared/admin-contract';
import type { SyncService } from '../../sync/sync-service';
import type { ConfigRepository } from '../../store/config-repository';
import type { SyncRun } from '../../store/sync-run-repository';

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
    window: toIsoWindow(run.window),
    progress: run.progress,
    streams: Object.entries(run.streams).map(([id, s]) => ({ id, status: s.status, pages: s.pages, activities: s.activities, ...(s.note ? { note: s.note } : {}) })),
    countsByKind: run.byKind,
    restCalls: Object.values(run.calls).reduce((a, b) => a + b, 0),
    rateLimited: run.rateLimited,
    errors: run.errors.map((e) => ({ code: e.code, message: e.message, ...(e.stream ? { stream: e.stream } : {}) })),
  };
}

/** The sync service as the admin page sees it: runs as views with the source names filled in. */
export function createAdminSyncPort(config: ConfigRepository, sync: SyncService): SyncPort {
  const withNames = async (runs: SyncRun[]) => {
    const sources = await config.listDataSources();
    return runs.map((r) => toRunView(r, sources));
  };
  return {
    async start(input) {
      const runs = await sync.startSync({ dataSourceId: input.dataSourceId, window: input.window, reason: input.reason });
      return runs.map((r) => r.id);
    },
    running: async () => withNames((await sync.getSyncProgress()).running),
    async cancel(runId) {
      const run = await sync.cancelSync(runId);
      return run?.status === 'running' && run.cancelRequested;
    },
    history: async (limit) => withNames(await sync.listSyncRuns(limit)),
  };
}
