import { fmt, infoRow, row, type BenchRow, type DetailTable } from '../lib/report';
import type { AppSyncMeasure } from './app-sync';
import { totalOf } from './endpoints';

/** The KVS value cap (240 KiB): every value the sync writes must stay under it. */
export const KVS_VALUE_CAP = 240 * 1024;

export interface FullSyncFigures {
  sync: AppSyncMeasure;
  /** The fewest calls that read the site (local/cli/sync/lower-bound.ts). */
  bound: { total: number; byEndpoint: Record<string, number> };
  /** Activities the test oracle counts for the sync's window. */
  expected: number;
  peakMb: number;
  largest: { bytes: number; where: string };
}

export function callsTable(title: string, made: Record<string, number>, lowest?: Record<string, number>): DetailTable {
  const endpoints = [...new Set([...Object.keys(made), ...Object.keys(lowest ?? {})])].sort();
  const rows = endpoints.map((e) => [e, fmt.int(made[e] ?? 0), ...(lowest ? [fmt.int(lowest[e] ?? 0)] : [])]);
  rows.push(['total', fmt.int(totalOf(made)), ...(lowest ? [fmt.int(totalOf(lowest))] : [])]);
  return { title, header: ['Endpoint', 'Calls', ...(lowest ? ['Lower bound'] : [])], rows };
}

/**
 * The full sync's rows (status, calls against the lower bound, activities against the oracle,
 * time, KVS calls, memory, largest value), its calls table, and the raw figures the runner
 * compares between the 5k and the 50k site.
 */
export function fullSyncReport(section: string, table: string, f: FullSyncFigures): { rows: BenchRow[]; details: DetailTable[]; notes: string[]; metrics: Record<string, number> } {
  const { sync, bound } = f;
  const made = totalOf(sync.restCalls);
  const ratio = made / Math.max(1, bound.total);
  const where = sync.emulators === 'in-process' ? 'less the in-process emulators' : "CPU time of the function's thread; emulators in their own thread";
  const notes = sync.run.errors.length ? [`Full sync errors: ${sync.run.errors.map((e) => `${e.stream ?? ''} ${e.code}: ${e.message}`).join('; ')}.`] : [];
  return {
    rows: [
      row(section, 'run status', 'succeeded', sync.run.status, sync.run.status === 'succeeded'),
      row(section, 'REST calls / lower bound', '≤ 1.05', `${fmt.int(made)} / ${fmt.int(bound.total)} = ${fmt.ratio(ratio)}`, ratio <= 1.05),
      row(section, 'activities stored', 'as the test oracle counts', `${fmt.int(sync.activitiesStored)} (oracle ${fmt.int(f.expected)})`, sync.activitiesStored === f.expected),
      infoRow(section, 'function time', `${fmt.ms(sync.functionMs)}; the app's own ${fmt.ms(sync.appMs)} (${where}; the emulators answered in KVS ${fmt.ms(sync.kvsEmulatorMs)}, site ${fmt.ms(sync.siteEmulatorMs)})`),
      infoRow(section, 'KVS calls', fmt.int(sync.kvsCalls)),
      infoRow(section, 'peak memory (resident, emulators and site included)', `${fmt.int(f.peakMb)} MiB`),
      row(section, 'largest KVS value written', '< 240 KiB', `${fmt.kb(f.largest.bytes)} (${f.largest.where})`, f.largest.bytes < KVS_VALUE_CAP),
    ],
    details: [callsTable(table, sync.restCalls, bound.byEndpoint)],
    notes,
    metrics: { calls: made, bound: bound.total, functionMs: sync.functionMs, appMs: sync.appMs, kvsCalls: sync.kvsCalls, peakMb: f.peakMb, largestValueBytes: f.largest.bytes },
  };
}
