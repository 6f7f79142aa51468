import { z } from 'zod';
import { KEY } from './keys';
import type { KvsPort } from './kvs-port';
import { decodeOrReport, defineFormat, zodReader } from './stored-format';

/**
 * Where each stream of a data source stands. `watermarkMs` is the end of the last window that
 * finished; `pass` is the window in flight with the stream's own page state, saved after every
 * page so the next invocation continues where this one stopped.
 */
export const passSchema = z.object({
  runId: z.string(),
  /** "Changed since" bound of the queries: the window start minus the lookback. */
  querySinceMs: z.number(),
  /** Activities before this are not (re)written: the history window. */
  keepSinceMs: z.number(),
  untilMs: z.number(),
  /** Open-ended passes (explicit date ranges) do not bound the "changed since" queries. */
  openEnded: z.boolean().default(false),
  /** Incremental passes move the watermark when they finish; explicit date ranges do not. */
  incremental: z.boolean().default(true),
  /** The whole history window is read (first run, or a teammate was mapped since). */
  fullHistory: z.boolean().default(false),
  /** Latest teammate `mappedAt` (epoch ms) known when the pass started. */
  mappingMs: z.number().default(0),
  /** Stream-specific page state (tokens, pending ids). */
  state: z.record(z.string(), z.unknown()).default({}),
  pages: z.number().int().default(0),
});
export type StreamPass = z.infer<typeof passSchema>;

export const cursorSchema = z.object({
  v: z.literal(1),
  watermarkMs: z.number().optional(),
  /** Teammates mapped up to this time (epoch ms) have had their history read. */
  mappingSeenMs: z.number().optional(),
  pass: passSchema.optional(),
  lastError: z.object({ at: z.string(), code: z.string(), message: z.string() }).optional(),
});
export type StreamCursor = z.infer<typeof cursorSchema>;

/** Format 1 is the cursor as always written (it already said `v: 1`). */
const cursorFormat = defineFormat<StreamCursor>({
  readers: { 1: zodReader(cursorSchema, (c) => c) },
  write: (c) => cursorSchema.parse(c),
});

export function createCursorRepository(kvs: KvsPort) {
  return {
    /**
     * Absent: a stream that never ran. Malformed: reported and read as absent, so the stream
     * reads its whole window again (activities are upserted by id: nothing is counted twice).
     */
    async get(dataSourceId: string, stream: string): Promise<StreamCursor> {
      const key = KEY.cursor(dataSourceId, stream);
      const raw = await kvs.get<unknown>(key);
      return (raw === undefined ? undefined : decodeOrReport(cursorFormat, raw, key, 'the stream starts over')) ?? { v: 1 };
    },
    async save(dataSourceId: string, stream: string, cursor: StreamCursor): Promise<void> {
      await kvs.set(KEY.cursor(dataSourceId, stream), cursorFormat.encode(cursor));
    },
    async clear(dataSourceId: string, stream: string): Promise<void> {
      await kvs.delete(KEY.cursor(dataSourceId, stream));
    },
  };
}

export type CursorRepository = ReturnType<typeof createCursorRepository>;
