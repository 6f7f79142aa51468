/**
 * The full sync of the 5k or the 50k reference site (`--scale 5k|50k`) for the scale
 * comparison, with the site and KVS emulators in a thread of their own (emulator-thread.ts):
 * the function's thread then holds and collects only what the app keeps, as on Forge, and the
 * app's own time is that thread's CPU time. Reports the raw figures (calls, times, KVS
 * calls, peak memory, largest value) as metrics; the runner compares 5k with 50k.
 */
import '../../local/runtime/register';
import { startLocalRuntime } from '../../local/platform';
import { flagValue } from '../lib/args';
import { emitReport, fmt, progress, row, type BenchRow } from '../lib/report';
import { runAppSync } from '../sync/app-sync';
import { startEmulatorThread } from '../sync/emulator-thread';
import { totalOf } from '../sync/endpoints';
import { fullSyncReport } from '../sync/full-sync-report';
import { withPeakMemory } from '../sync/meters';
import { FULL_SYNC_AT, parseScale, referenceSiteOptions, shortfalls } from '../sync/reference-site';


const SCALE = parseScale(flagValue('--scale'));
/** The emulator thread's heap limit: room for the 50k site and its million activities. */
const THREAD_HEAP_MB = SCALE === '50k' ? 12_288 : 3072;

async function main(): Promise<void> {
  const section = SCALE === '50k' ? '1. Full sync (50k site)' : '7. Scale: the 5k full sync with the emulators in their own thread';
  const t0 = performance.now();
  const thread = await startEmulatorThread({ site: referenceSiteOptions(SCALE), appDir: process.cwd(), heapMb: THREAD_HEAP_MB });
  progress(`${SCALE} reference site generated in ${fmt.ms(thread.generatedMs)} and emulator thread started in ${fmt.ms(performance.now() - t0)}: ${JSON.stringify(thread.counts)}`);
  const rows: BenchRow[] = [];
  const short = shortfalls(thread.counts, SCALE);
  if (SCALE === '50k') rows.push(row('Reference site (50k site)', 'size', 'the minimum sizes', Object.entries(thread.counts).map(([k, v]) => `${fmt.int(v)} ${k}`).join(', '), short.length === 0));
  const platform = await startLocalRuntime(thread.remote, { echoConsole: false });
  try {
    await thread.setNow(FULL_SYNC_AT);
    progress('full sync ...');
    const { result: sync, peakMb } = await withPeakMemory(() => runAppSync(platform.runtime, thread.probe, { atMs: FULL_SYNC_AT, reason: 'scheduled', seed: thread.seed }));
    progress(`full sync ${sync.run.status} in ${fmt.ms(sync.functionMs)} (the app's own ${fmt.ms(sync.appMs)}): ${totalOf(sync.restCalls)} calls`);
    const [check, reading] = await Promise.all([thread.check(sync.run.window.sinceMs, sync.run.window.untilMs), thread.read()]);
    if (reading.violations > 0) process.exitCode = 1;
    const report = fullSyncReport(section, `Full sync (${SCALE} site, emulators in their own thread): REST calls by endpoint`, { sync, ...check, peakMb, largest: reading.largest });
    const notes = [...report.notes, ...(short.length ? [`The ${SCALE} reference site is too small: ${short.join('; ')}.`] : [])];
    emitReport({ rows: [...rows, ...report.rows], details: report.details, notes, metrics: report.metrics });
  } finally {
    await platform.close();
    await thread.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
