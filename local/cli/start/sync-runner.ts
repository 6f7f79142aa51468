import type { LocalPlatform } from '../../platform';

/**
 * Runs the app's sync the way Forge would: the scheduled trigger, then the queued continuation
 * jobs it pushes, until the queue is empty. Used for the first sync of `npm start` and for the
 * background loop that stands in for Forge's scheduler and queue delivery.
 */
const SYNC_TRIGGER = 'sync-schedule';
const MAX_ROUNDS = 1000;

export interface SyncSummary {
  ok: boolean;
  /** Set when the sync code is not there yet (a stub that throws "not built yet"). */
  notBuilt: boolean;
  invocations: number;
  failures: string[];
  ms: number;
}

function isNotBuilt(error: string | undefined): boolean {
  return !!error && /not built yet|has no definition/i.test(error);
}

/** Delivers queued events until none is left (or `maxRounds` batches were delivered). */
export async function drainAll(platform: LocalPlatform, maxRounds = MAX_ROUNDS): Promise<{ invocations: number; failures: string[] }> {
  const failures: string[] = [];
  let invocations = 0;
  for (let round = 0; round < maxRounds && platform.runtime.queue.size > 0; round++) {
    const r = await platform.runtime.drainQueue({ maxEvents: 50 });
    invocations += r.delivered;
    for (const o of r.outcomes) if (o.record.status !== 'ok') failures.push(`${o.record.key}: ${o.record.status} ${o.record.error ?? ''}`.trim());
  }
  return { invocations, failures };
}

export async function runSync(platform: LocalPlatform): Promise<SyncSummary> {
  const started = Date.now();
  const tick = await platform.runtime.runScheduledTrigger(SYNC_TRIGGER);
  if (tick.record.status !== 'ok') {
    return {
      ok: false,
      notBuilt: isNotBuilt(tick.record.error),
      invocations: 1,
      failures: [`${SYNC_TRIGGER}: ${tick.record.status} ${tick.record.error ?? ''}`.trim()],
      ms: Date.now() - started,
    };
  }
  const drained = await drainAll(platform);
  return {
    ok: drained.failures.length === 0,
    notBuilt: drained.failures.some((f) => isNotBuilt(f)),
    invocations: 1 + drained.invocations,
    failures: drained.failures,
    ms: Date.now() - started,
  };
}

/**
 * Stands in for Forge while `npm start` runs: the scheduled trigger every `tickMs` (Forge's
 * fiveMinute interval), and queued jobs (e.g. "Fetch now" on the admin page) delivered
 * within `pollMs`. Returns a stop function that waits for the work in flight.
 */
export function startScheduler(platform: LocalPlatform, log: (line: string) => void, tickMs = 5 * 60_000, pollMs = 1000): () => Promise<void> {
  let busy: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const run = (what: () => Promise<unknown>): void => {
    busy = busy.then(what).catch((e: unknown) => log(`scheduler: ${e instanceof Error ? e.message : String(e)}`));
  };
  const tick = setInterval(() => {
    if (stopped) return;
    run(async () => {
      const s = await runSync(platform);
      if (!s.ok && !s.notBuilt) log(`scheduled sync: ${s.failures.slice(0, 3).join('; ')}`);
    });
  }, tickMs);
  let polling = false;
  const poll = setInterval(() => {
    if (stopped || polling || platform.runtime.queue.size === 0) return;
    polling = true;
    run(async () => {
      try {
        const d = await drainAll(platform, 20);
        if (d.failures.length) log(`queued jobs: ${d.failures.slice(0, 3).join('; ')}`);
      } finally {
        polling = false;
      }
    });
  }, pollMs);
  return async () => {
    stopped = true;
    clearInterval(tick);
    clearInterval(poll);
    await busy;
  };
}
