/**
 * Benchmarks 1–3 in one process, on one local platform and one site emulator: the full sync of
 * the reference site against the lower bound, the per-issue strategy on the same site, and the
 * incremental sync after a day of edits at 100 ms per REST call.
 */
import '../../local/runtime/register';
import { lowerBound } from '../../local/cli/sync/lower-bound';
import { startLocalPlatform } from '../../local/platform';
import { expectedActivities } from '../../test/oracle/expected-activities';
import { teammateMappingFromFixture } from '../../test/oracle/teammate-mapping';
import { emitReport, fmt, infoRow, progress, row, type BenchRow, type DetailTable } from '../lib/report';
import { runAppSync } from '../sync/app-sync';
import { applyDayOfEdits } from '../sync/day-of-edits';
import { totalOf } from '../sync/endpoints';
import { runPerIssuePeer } from '../sync/per-issue-peer';
import { DAY_MS, FULL_SYNC_AT, INCREMENTAL_AT, referenceSite, shortfalls, siteCounts } from '../sync/reference-site';

const FULL = '1. Full sync';
const PEER = '2. Per-issue strategy';
const INCR = '3. Incremental sync';

function callsTable(title: string, made: Record<string, number>, lowest?: Record<string, number>): DetailTable {
  const endpoints = [...new Set([...Object.keys(made), ...Object.keys(lowest ?? {})])].sort();
  const rows = endpoints.map((e) => [e, fmt.int(made[e] ?? 0), ...(lowest ? [fmt.int(lowest[e] ?? 0)] : [])]);
  rows.push(['total', fmt.int(totalOf(made)), ...(lowest ? [fmt.int(totalOf(lowest))] : [])]);
  return { title, header: ['Endpoint', 'Calls', ...(lowest ? ['Lower bound'] : [])], rows };
}

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  const details: DetailTable[] = [];
  const notes: string[] = [];

  let t0 = performance.now();
  const fixture = referenceSite();
  const counts = siteCounts(fixture);
  progress(`reference site generated in ${fmt.ms(performance.now() - t0)}: ${JSON.stringify(counts)}`);
  const short = shortfalls(counts);
  rows.push(row('Reference site', 'size', 'the minimum sizes', Object.entries(counts).map(([k, v]) => `${fmt.int(v)} ${k}`).join(', '), short.length === 0));
  if (short.length) notes.push(`The reference site is too small: ${short.join('; ')}.`);

  const platform = await startLocalPlatform({ sites: [fixture], echoConsole: false, useEnv: false });
  try {
    const site = platform.sites!.site(fixture.name);
    const siteUrl = `https://${fixture.name}.atlassian.net`;

    // 1. Full sync.
    site.setNow(FULL_SYNC_AT);
    progress('full sync ...');
    const full = await runAppSync(platform, { atMs: FULL_SYNC_AT, reason: 'scheduled', seed: fixture });
    const sinceMs = full.run.window.sinceMs;
    const bound = lowerBound(fixture, sinceMs);
    const made = totalOf(full.restCalls);
    const ratio = made / Math.max(1, bound.total);
    progress(`full sync ${full.run.status} in ${fmt.ms(full.functionMs)}: ${made} calls, bound ${bound.total}`);
    t0 = performance.now();
    const expected = expectedActivities(fixture, { dataSourceId: 'host', siteUrl, mapping: teammateMappingFromFixture(fixture), since: sinceMs, until: full.run.window.untilMs }).length;
    progress(`oracle: ${expected} activities in ${fmt.ms(performance.now() - t0)}`);
    rows.push(row(FULL, 'run status', 'succeeded', full.run.status, full.run.status === 'succeeded'));
    if (full.run.errors.length) notes.push(`Full sync errors: ${full.run.errors.map((e) => `${e.stream ?? ''} ${e.code}: ${e.message}`).join('; ')}.`);
    rows.push(row(FULL, 'REST calls / lower bound', '≤ 1.20', `${fmt.int(made)} / ${fmt.int(bound.total)} = ${fmt.ratio(ratio)}`, ratio <= 1.2));
    rows.push(row(FULL, 'activities stored', 'as the test oracle counts', `${fmt.int(full.activitiesStored)} (oracle ${fmt.int(expected)})`, full.activitiesStored === expected));
    rows.push(infoRow(FULL, 'function time', `${fmt.ms(full.functionMs)} (in-process emulators: KVS ${fmt.ms(full.kvsEmulatorMs)}, site ${fmt.ms(full.siteEmulatorMs)})`));
    rows.push(infoRow(FULL, 'KVS calls', fmt.int(full.kvsCalls)));
    details.push(callsTable('Full sync: REST calls by endpoint', full.restCalls, bound.byEndpoint));

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

    // 3. A day of edits, then the scheduled sync at 100 ms per REST call.
    const edits = applyDayOfEdits(site, FULL_SYNC_AT + DAY_MS / 48, INCREMENTAL_AT - 10 * 60_000);
    site.setNow(INCREMENTAL_AT);
    platform.sites!.faults.add({ type: 'latency', delayMs: 100 });
    progress(`incremental sync after ${edits.changes} changes to ${edits.issuesTouched} issues and ${edits.contentsTouched} pages ...`);
    const incr = await runAppSync(platform, { atMs: INCREMENTAL_AT, reason: 'scheduled' });
    platform.sites!.faults.clear();
    const incrBound = lowerBound(site.fixture, FULL_SYNC_AT);
    const incrMade = totalOf(incr.restCalls);
    progress(`incremental ${incr.run.status} in ${fmt.ms(incr.functionMs)}: ${incrMade} calls, bound ${incrBound.total}`);
    rows.push(infoRow(INCR, 'changes', `${edits.changes} changes to ${edits.issuesTouched} issues (1%) and ${edits.contentsTouched} pages`));
    rows.push(row(INCR, 'run status', 'succeeded', incr.run.status, incr.run.status === 'succeeded'));
    if (incr.run.errors.length) notes.push(`Incremental run errors: ${incr.run.errors.map((e) => `${e.stream ?? ''} ${e.code}: ${e.message}`).join('; ')}.`);
    rows.push(infoRow(INCR, 'REST calls / lower bound', `${fmt.int(incrMade)} / ${fmt.int(incrBound.total)} = ${fmt.ratio(incrMade / Math.max(1, incrBound.total))}`));
    rows.push(
      row(INCR, 'function time at 100 ms per REST call', '< 5 s', `${fmt.ms(incr.functionMs)} (in-process emulators: KVS ${fmt.ms(incr.kvsEmulatorMs)}, site ${fmt.ms(incr.siteEmulatorMs)} with the latency)`, incr.functionMs < 5000),
    );
    rows.push(infoRow(INCR, 'KVS calls', `${fmt.int(incr.kvsCalls)} (${Object.entries(platform.kvs.stats.calls).map(([op, n]) => `${op} ${n}`).join(', ')})`));
    details.push(callsTable('Incremental sync: REST calls by endpoint', incr.restCalls, incrBound.byEndpoint));
  } finally {
    await platform.close();
  }
  emitReport({ rows, details, notes });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
