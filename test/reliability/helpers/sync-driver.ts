import type { LocalPlatform } from '../../../local/platform';
import { KEY } from '../../../src/store/keys';

export interface DriveOptions {
  /** Before round r (0-based): arm faults for that round (cut-offs, twin triggers). */
  beforeRound?: (round: number) => { twinTrigger?: boolean } | void;
  maxRounds?: number;
  /** Moves the wall clock forward between rounds. */
  advance: (ms: number) => void;
}

export interface DriveResult {
  done: boolean;
  rounds: number;
  invocations: number;
  timeouts: number;
  lastStatus?: string;
  /** When not done: the latest run of each data source and its last errors. */
  why?: string;
}

interface RunRow {
  dataSourceId: string;
  startedSec: number;
  status: string;
  doc: { id: string; status: string; errors?: unknown[] };
}

/** The sync runs as stored (entity sync-run), newest first. */
export function storedRuns(p: LocalPlatform): RunRow[] {
  const rows = Object.values(p.kvs.dump().entities['sync-run'] ?? {}) as RunRow[];
  return rows.sort((a, b) => b.startedSec - a.startedSec || (a.doc.id < b.doc.id ? 1 : -1));
}

/**
 * Runs the app's sync as Forge would, until a run of every listed data source finished 'succeeded':
 * the scheduled trigger (once, or twice at once), then every queued continuation. Between
 * rounds the clock moves on by 20 minutes (the next tick is due; abandoned leases expired).
 */
export async function driveSyncToDone(p: LocalPlatform, dataSourceIds: string[], o: DriveOptions): Promise<DriveResult> {
  const maxRounds = o.maxRounds ?? 40;
  const startLog = p.runtime.invocations.length;
  const okRunsBefore = new Set(storedRuns(p).filter((r) => r.status === 'succeeded').map((r) => r.doc.id));
  for (let round = 0; round < maxRounds; round++) {
    if (round > 0) o.advance(20 * 60_000);
    const plan = o.beforeRound?.(round) ?? {};
    const triggers = plan.twinTrigger
      ? [p.runtime.runScheduledTrigger('sync-schedule'), p.runtime.runScheduledTrigger('sync-schedule')]
      : [p.runtime.runScheduledTrigger('sync-schedule')];
    await Promise.all(triggers);
    for (let i = 0; i < 200 && p.runtime.queue.size > 0; i++) await p.runtime.drainQueue({ maxEvents: 10 });
    await p.runtime.idle();
    const okNow = storedRuns(p).filter((r) => r.status === 'succeeded' && !okRunsBefore.has(r.doc.id));
    const doneIds = new Set(okNow.map((r) => r.dataSourceId));
    if (dataSourceIds.every((d) => doneIds.has(d)) && p.runtime.queue.size === 0) {
      const log = p.runtime.invocations.slice(startLog);
      return { done: true, rounds: round + 1, invocations: log.length, timeouts: log.filter((l) => l.status === 'timeout').length };
    }
  }
  const log = p.runtime.invocations.slice(startLog);
  const latest = new Map<string, RunRow>();
  for (const r of storedRuns(p)) if (!latest.has(r.dataSourceId)) latest.set(r.dataSourceId, r);
  const why = [...latest.values()]
    .map((r) => `${r.dataSourceId}: ${r.status} ${JSON.stringify((r.doc as { errors?: unknown[] }).errors?.slice(-2) ?? [])}`)
    .join('; ');
  return { done: false, rounds: maxRounds, invocations: log.length, timeouts: log.filter((l) => l.status === 'timeout').length, lastStatus: storedRuns(p)[0]?.status, why };
}

/** Makes the scheduled tick due at once (used after configuration changes in a test). */
export const SCHEDULE_KEY = KEY.syncSchedule;
