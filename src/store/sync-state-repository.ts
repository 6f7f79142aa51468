import { z } from 'zod';
import { KEY } from './keys';
import type { KvsPort } from './kvs-port';
import { reportMalformed, StoredDataError } from './stored-errors';
import { defineFormat, zodReader, type StoredFormat } from './stored-format';

/**
 * When the scheduled sync last started. Format 1 was a bare epoch-ms number (it could not say
 * its version); format 2 says it.
 */
const scheduleFormat = defineFormat<{ startedMs: number }>({
  readers: {
    1: zodReader(z.number(), (startedMs) => ({ startedMs })),
    2: zodReader(z.object({ startedMs: z.number() }), (s) => s),
  },
  write: (s) => ({ startedMs: s.startedMs }),
});

/** The run a data source is on now. */
const activeRunFormat = defineFormat<{ runId: string }>({
  readers: { 1: zodReader(z.object({ runId: z.string() }), (a) => a) },
  write: (a) => ({ runId: a.runId }),
});

/**
 * The sync's own bookkeeping beside its runs: when the schedule last fired, and which run each
 * data source is on (so progress can be shown and a run cut off can be taken over). Both are
 * rewritten constantly, so one that does not decode reads as absent, and says so.
 */
export function createSyncStateRepository(kvs: KvsPort) {
  async function read<T>(format: StoredFormat<T>, key: string): Promise<T | undefined> {
    const raw = await kvs.get<unknown>(key);
    if (raw === undefined) return undefined;
    try {
      return format.decode(raw, key);
    } catch (e) {
      if (!(e instanceof StoredDataError)) throw e;
      reportMalformed(e, 'read as absent');
      return undefined;
    }
  }

  return {
    /** Epoch ms the scheduled sync last started; 0 when it never did. */
    async lastScheduledStart(): Promise<number> {
      return (await read(scheduleFormat, KEY.syncSchedule))?.startedMs ?? 0;
    },
    setLastScheduledStart: (startedMs: number) => kvs.set(KEY.syncSchedule, scheduleFormat.encode({ startedMs })),

    async activeRun(dataSourceId: string): Promise<string | undefined> {
      return (await read(activeRunFormat, KEY.syncActive(dataSourceId)))?.runId;
    },
    setActiveRun: (dataSourceId: string, runId: string) => kvs.set(KEY.syncActive(dataSourceId), activeRunFormat.encode({ runId })),
    /** Forgets the data source's run in flight if it is still `runId`. */
    async clearActiveRun(dataSourceId: string, runId: string): Promise<void> {
      if ((await read(activeRunFormat, KEY.syncActive(dataSourceId)))?.runId === runId) await kvs.delete(KEY.syncActive(dataSourceId));
    },
  };
}

export type SyncStateRepository = ReturnType<typeof createSyncStateRepository>;
