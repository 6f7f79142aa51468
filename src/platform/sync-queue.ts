import { Queue } from '@forge/events';

export const SYNC_QUEUE_KEY = 'sync-jobs';

export interface SyncQueue {
  /** Schedules a continuation; `delaySec` spreads retries after a rate limit. */
  push(body: Record<string, unknown>, delaySec?: number): Promise<string>;
}

export function createForgeSyncQueue(): SyncQueue {
  const queue = new Queue({ key: SYNC_QUEUE_KEY });
  return {
    async push(body, delaySec = 0) {
      const { jobId } = await queue.push({ body, delayInSeconds: Math.max(0, Math.min(900, Math.round(delaySec))) });
      return jobId;
    },
  };
}
