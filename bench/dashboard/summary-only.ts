/**
 * The 90-day summary part of the dashboard benchmark on its own, for profiling
 * (`node --cpu-prof`): the same 1,000,000 activities' rollup weeks (the activities themselves
 * are not stored: the summary reads only rollups), then the summary through the real resolver
 * at 10 ms per KVS call, 5 runs after a first call. Prints each run's time, CPU and KVS calls.
 * `--load` starts the bench's concurrent CPU-bound process first.
 *   npx tsx bench/dashboard/summary-only.ts [--runs N] [--load]
 */
import '../../local/runtime/register';
import { resolveRange } from '../../src/insights/date-range';
import { loadActivities } from './activity-stream';
import { startDashboardWorld } from './world';
import { NO_LOAD, startCpuLoad } from '../lib/load';
import { describeSummary, median, summarize } from '../lib/stats';

async function main(): Promise<void> {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 5;
  const { platform, team, siteUrl, viewer } = await startDashboardWorld(50);
  const load = process.argv.includes('--load') ? startCpuLoad() : NO_LOAD;
  try {
    const nowMs = Date.now();
    const range = resolveRange({ range: '90d' }, new Date(nowMs).toISOString().slice(0, 10));
    const stored = loadActivities(platform.kvs.store, team, { total: 1_000_000, fromDay: range.previousFrom, toDay: range.to, nowMs, seed: 7, siteUrl, rollupsOnly: true });
    console.log(`largest rollup week ${(stored.largestWeekBytes / 1024).toFixed(1)} KiB`);
    const expected = [...stored.perDay].filter(([d]) => d >= range.from && d <= range.to).reduce((a, [, n]) => a + n, 0);
    const summary = () =>
      platform.runtime.invokeResolver('dashboard-resolver', 'dashboard/summary', { filters: { range: '90d' } }, { accountId: viewer }) as Promise<{ ok: boolean; data?: { totals: { count: number } }; error?: { message: string } }>;
    platform.kvs.setLatency(10);
    const ms: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i <= runs; i++) {
      platform.kvs.resetStats();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const r = await summary();
      const t = performance.now() - t0;
      const c = process.cpuUsage(c0);
      if (!r.ok) throw new Error(`dashboard/summary failed: ${r.error?.message}`);
      if (r.data!.totals.count !== expected) throw new Error(`counted ${r.data!.totals.count} of ${expected}`);
      if (i > 0) {
        ms.push(t);
        cpu.push((c.user + c.system) / 1000);
      }
      console.log(`${i === 0 ? 'first' : `run ${i}`}: ${t.toFixed(0)} ms, CPU ${((c.user + c.system) / 1000).toFixed(0)} ms, KVS calls ${JSON.stringify(platform.kvs.stats.calls)}`);
    }
    console.log(`summary: ${describeSummary(summarize(ms), (x) => `${x.toFixed(0)} ms`)}, CPU median ${median(cpu).toFixed(0)} ms`);
  } finally {
    load.stop();
    await platform.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
