import Resolver from '@forge/resolver';
import { z } from 'zod';
import { getSyncService } from '../platform/services';

const bodySchema = z.object({ runId: z.string().min(1), dataSourceId: z.string().min(1) });

/** Queue consumer: continues a sync run that stopped before its invocation's deadline. */
const resolver = new Resolver();
resolver.define('sync-continue', async ({ payload }) => {
  const body = bodySchema.safeParse(payload);
  // A malformed job cannot be fixed by a retry: drop it and say why.
  if (!body.success) return { ok: false, error: 'The sync job is not valid' };
  const run = await getSyncService().continueSync(body.data);
  return { ok: true, status: run?.status ?? 'unknown' };
});

export const syncWorker = resolver.getDefinitions();
