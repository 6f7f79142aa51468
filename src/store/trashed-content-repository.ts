import { z } from 'zod';
import { KEY } from './keys';
import type { KvsPort } from './kvs-port';
import { decodeOrReport, defineFormat, zodReader } from './stored-format';

export const trashedContentSchema = z.object({
  v: z.literal(1),
  id: z.string().min(1),
  type: z.enum(['page', 'blogpost']),
  trashedAtMs: z.number(),
});
export type TrashedContent = z.infer<typeof trashedContentSchema>;

const trashedFormat = defineFormat<TrashedContent>({
  readers: { 1: zodReader(trashedContentSchema, (t) => t) },
  write: (t) => trashedContentSchema.parse(t),
});

/**
 * Pages and blog posts in the trash whose activity was removed: a restore brings no new version
 * and no event the app receives, so later syncs look these up and read a restored one again.
 * One small key each; Confluence empties its trash itself, and a record goes once its content
 * is back or gone for good.
 */
export function createTrashedContentRepository(kvs: KvsPort) {
  return {
    add: (dataSourceId: string, t: Omit<TrashedContent, 'v'>) => kvs.set(KEY.trashedContent(dataSourceId, t.id), trashedFormat.encode({ v: 1, ...t })),
    remove: (dataSourceId: string, id: string) => kvs.delete(KEY.trashedContent(dataSourceId, id)),
    /** Up to `limit` records of the data source, in key order; a malformed one is reported and skipped. */
    async list(dataSourceId: string, limit: number): Promise<TrashedContent[]> {
      const out: TrashedContent[] = [];
      let cursor: string | undefined;
      do {
        const page = await kvs.queryPrefix<unknown>(KEY.trashedContentPrefix(dataSourceId), cursor, 20);
        for (const r of page.results) {
          const t = decodeOrReport(trashedFormat, r.value, r.key, 'left out');
          if (t) out.push(t);
        }
        cursor = page.nextCursor;
      } while (cursor && out.length < limit);
      return out.slice(0, limit);
    },
  };
}

export type TrashedContentRepository = ReturnType<typeof createTrashedContentRepository>;
