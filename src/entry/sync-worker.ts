import { z } from 'zod';
import { forgeResolverOf } from '../platform/forge-resolver';
import { continueLiveEvent, liveEventJobSchema } from '../platform/live-event-handoff';
import { getPurgeJobs, getSyncService } from '../platform/services';

/** The jobs of the queue: the next invocation of a sync run, the next pass of a purge, or a product event handed on. */
const bodySchema = z.union([
  z.object({ runId: z.string().min(1), dataSourceId: z.string().min(1), notBeforeMs: z.number().int().optional() }),
  z.object({ purgeJobId: z.string().min(1) }),
  z.object({ liveEvent: liveEventJobSchema }),
]);

/** Queue consumer: continues a sync run or a purge that stopped before its invocation's deadline, or stores a handed-on event. */
export const syncWorker = forgeResolverOf({
  'sync-continue': async ({ payload }) => {
    const body = bodySchema.safeParse(payload);
    // A malformed job cannot be fixed by a retry: drop it and say why.
    if (!body.success) return { ok: false, error: 'The queued job is not valid' };
    if ('liveEvent' in body.data) return continueLiveEvent(body.data.liveEvent);
    if ('purgeJobId' in body.data) {
      const progress = await getPurgeJobs().continue(body.data.purgeJobId);
      return { ok: true, status: progress ? (progress.done ? 'purged' : 'purging') : 'no purge to continue' };
    }
    const run = await getSyncService().continueSync(body.data);
    return { ok: true, status: run?.status ?? 'unknown' };
  },
});
