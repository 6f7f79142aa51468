/**
 * Benchmarks 1–3 in one process, on one local platform and one site emulator: the full sync of
 * the reference site against the lower bound, the per-issue strategy on the same site, and the
 * incremental sync after a day of edits at 100 ms per REST call (five days, five syncs: the
 * figure is their median). `--full-only` stops after the full sync.
 *
 * The 50k site's full sync and the 5k → 50k comparison are in scale.ts.
 */
import '../../local/runtime/register';
import { lowerBound } from '../../local/cli/sync/lower-bound';
import { startLocalPlatform } from '../../local/platform';
import { emitReport, fmt, infoRow, progress, row, type BenchRow, type DetailTable } from '../lib/report';
import { describeSummary, median, summarize } from '../lib/stats';
import { inProcessProbe, runAppSync } from '../sync/app-sync';
import { applyDayOfEdits } from '../sync/day-of-edits';
import { totalOf } from '../sync/endpoints';
import { callsTable, fullSyncReport } from '../sync/full-sync-report';
import { meterLargestValue, withPeakMemory } from '../sync/meters';
import { runPerIssuePeer } from '../sync/per-issue-peer';
import { checkWindow } from '../sync/window-check';
import { DAY_MS, FULL_SYNC_AT, INCREMENTAL_AT, referenceSite, shortfalls, siteCounts } from '../sync/reference-site';

const RUNS = 5;
const INCREMENTAL_TARGET_MS = 2500;
const FULL_ONLY = process.argv.includes('--full-only');
const FULL = '1. Full sync';
const PEER = '2. Per-issue strategy';
const INCR = '3. Incremental sync';

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  const details: DetailTable[] = [];
  const notes: string[] = [];

  let t0 = performance.now();
  const fixture = referenceSite('5k');
  const counts = siteCounts(fixture);
  progress(`5k reference site generated in ${fmt.ms(performance.now() - t0)}: ${JSON.stringify(counts)}`);
  const short = shortfalls(counts, '5k');
  let metrics: Record<string, number> = {};
  rows.push(row('Reference site', 'size', 'the minimum sizes', Object.entries(counts).map(([k, v]) => `${fmt.int(v)} ${k}`).join(', '), short.length === 0));
  if (short.length) notes.push(`The reference site is too small: ${short.join('; ')}.`);

  const platform = await startLocalPlatform({ sites: [fixture], echoConsole: false, useEnv: false });
  try {
    const site = platform.sites!.site(fixture.name);
    const siteUrl = `https://${fixture.name}.atlassian.net`;
    const probe = inProcessProbe(platform);

    // 1. Full sync.
    site.setNow(FULL_SYNC_AT);
    progress('full sync ...');
    const largest = meterLargestValue(platform.kvs.store);
    const { result: full, peakMb } = await withPeakMemory(() => runAppSync(platform.runtime, probe, { atMs: FULL_SYNC_AT, reason: 'scheduled', seed: fixture }));
    const biggest = largest.read();
    largest.stop();
    const sinceMs = full.run.window.sinceMs;
    const made = totalOf(full.restCalls);
    t0 = performance.now();
    const { bound, expected } = checkWindow(fixture, sinceMs, full.run.window.untilMs);
    progress(`full sync ${full.run.status} in ${fmt.ms(full.functionMs)}: ${made} calls, bound ${bound.total}; oracle ${expected} activities in ${fmt.ms(performance.now() - t0)}`);
    const report = fullSyncReport(FULL, 'Full sync: REST calls by endpoint', { sync: full, bound, expected, peakMb, largest: biggest });
    rows.push(...report.rows);
    details.push(...report.details);
    notes.push(...report.notes);
    metrics = report.metrics;
    if (!FULL_ONLY) {

      // 2. The per-issue strategy, on the same site state.
      progress('per-issue strategy ...');
      const peer = await runPerIssuePeer(platform, { siteUrl, sinceMs });
      const peerCalls = totalOf(peer.restCalls);
      const times = peerCalls / Math.max(1, made);
      progress(`per-issue strategy in ${fmt.ms(peer.functionMs)}: ${peerCalls} calls; read ${JSON.stringify(peer.seen)}`);
      rows.push(infoRow(PEER, 'REST calls', fmt.int(peerCalls)));
      rows.push(infoRow(PEER, 'function time', `${fmt.ms(peer.functionMs)} (ours ${fmt.ms(full.functionMs)})`));
      rows.push(row(PEER, 'its calls / ours', '≥ 10×', `${fmt.int(peerCalls)} / ${fmt.int(made)} = ${times.toFixed(1)}×`, times >= 10));
      details.push(callsTable('Per-issue strategy: REST calls by endpoint', peer.restCalls));
      notes.push(
        `The per-issue strategy read ${fmt.int(peer.seen.issues)} issues, ${fmt.int(peer.seen.histories)} changelog entries, ${fmt.int(peer.seen.comments)} comments, ` +
          `${fmt.int(peer.seen.worklogs)} worklogs, ${fmt.int(peer.seen.contents)} pages and blog posts, ${fmt.int(peer.seen.versions)} versions and ` +
          `${fmt.int(peer.seen.confluenceComments)} top-level Confluence comments (replies not followed, which would only add calls).`,
      );

      // 3. A day of edits, then the scheduled sync at 100 ms per REST call; five days, five syncs.
      const incrs: Awaited<ReturnType<typeof runAppSync>>[] = [];
      let first: { edits: ReturnType<typeof applyDayOfEdits>; bound: ReturnType<typeof lowerBound>; kvsByOp: string } | undefined;
      for (let day = 0; day < RUNS; day++) {
        const prevAt = day === 0 ? FULL_SYNC_AT : INCREMENTAL_AT + (day - 1) * DAY_MS;
        const at = INCREMENTAL_AT + day * DAY_MS;
        const edits = applyDayOfEdits(site, prevAt + DAY_MS / 48, at - 10 * 60_000);
        site.setNow(at);
        platform.sites!.faults.add({ type: 'latency', delayMs: 100 });
        progress(`incremental sync ${day + 1}/${RUNS} after ${edits.changes} changes to ${edits.issuesTouched} issues and ${edits.contentsTouched} pages ...`);
        const incr = await runAppSync(platform.runtime, probe, { atMs: at, reason: 'scheduled' });
        platform.sites!.faults.clear();
        progress(`incremental ${incr.run.status} in ${fmt.ms(incr.functionMs)}: ${totalOf(incr.restCalls)} calls`);
        if (!first) first = { edits, bound: lowerBound(site.fixture, prevAt), kvsByOp: Object.entries(platform.kvs.stats.calls).map(([op, n]) => `${op} ${n}`).join(', ') };
        incrs.push(incr);
      }
      const incr = incrs[0];
      const incrMade = totalOf(incr.restCalls);
      const failed = incrs.filter((r) => r.run.status !== 'succeeded');
      const incrTimes = summarize(incrs.map((r) => r.functionMs));
      const medKvs = median(incrs.map((r) => r.kvsEmulatorMs));
      const medSite = median(incrs.map((r) => r.siteEmulatorMs));
      rows.push(infoRow(INCR, 'changes', `${first!.edits.changes} changes a day to ${first!.edits.issuesTouched} issues (1%) and ${first!.edits.contentsTouched} pages, ${RUNS} days`));
      rows.push(row(INCR, 'run status', 'succeeded', failed.length ? failed.map((r) => r.run.status).join(', ') : `succeeded (${RUNS} of ${RUNS})`, failed.length === 0));
      for (const r of failed) if (r.run.errors.length) notes.push(`Incremental run errors: ${r.run.errors.map((e) => `${e.stream ?? ''} ${e.code}: ${e.message}`).join('; ')}.`);
      rows.push(infoRow(INCR, 'REST calls / lower bound (first day)', `${fmt.int(incrMade)} / ${fmt.int(first!.bound.total)} = ${fmt.ratio(incrMade / Math.max(1, first!.bound.total))}`));
      rows.push(
        row(INCR, 'function time at 100 ms per REST call', `< ${fmt.ms(INCREMENTAL_TARGET_MS)}`, `${describeSummary(incrTimes, fmt.ms)}; in-process emulators: KVS ${fmt.ms(medKvs)}, site ${fmt.ms(medSite)} with the latency (medians)`, incrTimes.median < INCREMENTAL_TARGET_MS),
      );
      notes.push(
        `Incremental sync: the Jira and Confluence streams run side by side (worklogs after issues, comments after content, at most 4 requests in flight), so the first day's ${fmt.int(incrMade)} REST calls at 100 ms each cost less than their ${fmt.ms(incrMade * 100)} in a row.`,
      );
      rows.push(infoRow(INCR, 'KVS calls (first day)', `${fmt.int(incr.kvsCalls)} (${first!.kvsByOp})`));
      details.push(callsTable('Incremental sync (first day): REST calls by endpoint', incr.restCalls, first!.bound.byEndpoint));
    }
  } finally {
    await platform.close();
  }
  emitReport({ rows, details, notes, metrics });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
