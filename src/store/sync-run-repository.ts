import { z } from 'zod';
import { isoWindowSchema } from '../domain/time-window';
import { ENTITY, INDEX } from './keys';
import { decodeOrReport, defineFormat, zodReader } from './stored-format';
import type { KvsPort } from './kvs-port';

export const runStatusSchema = z.enum(['running', 'succeeded', 'partial', 'failed', 'cancelled', 'rate-limited']);
export type RunStatus = z.infer<typeof runStatusSchema>;

export const streamProgressSchema = z.object({
  status: z.enum(['pending', 'running', 'done', 'failed', 'skipped']),
  pages: z.number().int().default(0),
  activities: z.number().int().default(0),
  deleted: z.number().int().default(0),
  /** Plain words, e.g. "Confluence is not available on this site". */
  note: z.string().optional(),
});
export type StreamProgress = z.infer<typeof streamProgressSchema>;

/** One sync run of one data source: what the admin page's history and progress bar show. */
export const syncRunSchema = z.object({
  id: z.string(),
  dataSourceId: z.string(),
  /** 'sweep': the daily check for deletions, a run of its own so it never slows a sync. */
  reason: z.enum(['scheduled', 'manual', 'backfill', 'continue', 'cli', 'sweep']),
  status: runStatusSchema,
  startedAt: z.string(),
  endedAt: z.string().optional(),
  /** Stored as ISO strings, read as a TimeWindow. */
  window: isoWindowSchema,
  /** A date range was asked for ("Fetch now" with dates): read exactly it, move no watermark. */
  explicitRange: z.boolean().default(false),
  streams: z.record(z.string(), streamProgressSchema),
  /** Stored activities by kind (upserts) and deletions. */
  byKind: z.record(z.string(), z.number().int()).default({}),
  deleted: z.number().int().default(0),
  /** REST calls by endpoint template, e.g. "POST /rest/api/3/issue/bulkfetch". */
  calls: z.record(z.string(), z.number().int()).default({}),
  rateLimited: z.number().int().default(0),
  retries: z.number().int().default(0),
  errors: z.array(z.object({ at: z.string(), stream: z.string().optional(), code: z.string(), message: z.string() })).default([]),
  invocations: z.number().int().default(0),
  cancelRequested: z.boolean().default(false),
  progress: z.object({
    streamsDone: z.number().int(),
    streamsTotal: z.number().int(),
    pages: z.number().int(),
    activities: z.number().int(),
    /** Seconds left, when it can be guessed from the pages done so far. */
    etaSec: z.number().int().optional(),
  }),
});
export type SyncRun = z.infer<typeof syncRunSchema>;

interface StoredRun {
  dataSourceId: string;
  startedSec: number;
  status: string;
  /**
   * The run, with its format version (its window in ISO strings). Format 1: the run as written
   * before versions.
   */
  doc: Record<string, unknown>;
}

const runFormat = defineFormat<SyncRun>({
  readers: { 1: zodReader(syncRunSchema, (r) => r) },
  write: (r) => syncRunSchema.encode(r),
});

/** A malformed run is left out of answers (and reported): run history is informational. */
const decodeRun = (raw: unknown, id: string) => decodeOrReport(runFormat, raw, `sync run ${id}`, 'left out');

export function createSyncRunRepository(kvs: KvsPort) {
  const key = (id: string) => `run:${id}`;
  return {
    async save(run: SyncRun): Promise<void> {
      const stored: StoredRun = {
        dataSourceId: run.dataSourceId,
        startedSec: Math.floor(Date.parse(run.startedAt) / 1000),
        status: run.status,
        doc: runFormat.encode(run),
      };
      await kvs.entitySet(ENTITY.syncRun, key(run.id), stored);
    },
    async get(id: string): Promise<SyncRun | undefined> {
      const raw = await kvs.entityGet<StoredRun>(ENTITY.syncRun, key(id));
      return raw === undefined ? undefined : decodeRun(raw.doc, id);
    },
    /** Newest first. */
    async list(limit: number, dataSourceId?: string): Promise<SyncRun[]> {
      const page = await kvs.entityQuery<StoredRun>(ENTITY.syncRun, {
        index: dataSourceId ? INDEX.syncRun.bySourceStarted : INDEX.syncRun.byStarted,
        ...(dataSourceId ? { partition: [dataSourceId] } : {}),
        range: { op: 'gte', value: 0 },
        sort: 'DESC',
        limit: Math.max(1, Math.min(100, limit)),
      });
      return page.results.flatMap((r) => {
        const run = decodeRun(r.value?.doc, r.key);
        return run ? [run] : [];
      });
    },
    /** Whether any run was ever recorded. */
    async hasAny(): Promise<boolean> {
      const page = await kvs.entityQuery(ENTITY.syncRun, { index: INDEX.syncRun.byStarted, limit: 1 });
      return page.results.length > 0;
    },
  };
}

export type SyncRunRepository = ReturnType<typeof createSyncRunRepository>;
