/**
 * Benchmark 6: time to first dashboard. A fresh install of the 5k reference site (the admin has
 * connected the site and mapped teammates, nothing fetched yet); the admin presses "Fetch now";
 * the queue delivers the run's invocations one after another, each limited as the manifest
 * limits its consumer; then the team lead opens the dashboard and the 90-day summary answers.
 *
 * Measured on the local runtime's virtual clock (local/runtime/time-model.ts) at 100 ms per REST
 * call and 10 ms per KVS call, so the figure is the same on a busy or an idle machine. Two
 * clocks run over the same requests: the wall time a user waits, where the requests the app
 * makes side by side overlap (judged, and the timeline's clock), and the runtime's own
 * conservative model, where they are charged one after another (shown; it is also what each
 * invocation's limit is charged against). CPU time and queue hand-over time are not modelled.
 */
import '../../local/runtime/register';
import { seedFromFixture } from '../../local/cli/sync/seed';
import { generateSite } from '../../local/fixtures/generator';
import { SCALE_OPTIONS } from '../../local/fixtures/scale';
import { startLocalPlatform, virtualSleep } from '../../local/platform';
import { createForgeKvs } from '../../src/platform/forge-kvs';
import { createConfigRepository } from '../../src/store/config-repository';
import { setSyncSleep } from '../../src/sync/clock';
import { KVS_MS, REST_MS } from '../lib/costs';
import { emitReport, fmt, infoRow, progress, row, type BenchRow, type DetailTable } from '../lib/report';

const SECTION = '6. Time to first dashboard';
const TARGET_MS = 120_000;
const DAY_MS = 86_400_000;

/** Which stream a request belongs to, by its endpoint (first match wins). */
const STREAMS: [string, RegExp][] = [
  ['Jira worklogs', /\/rest\/api\/3\/worklog\//],
  ['Jira issues and changelog', /\/rest\/api\/3\/(search\/jql|issue\/bulkfetch|changelog\/bulkfetch|issue\/)/],
  ['Confluence comments', /\/wiki\/(api\/v2\/(footer|inline)-comments|rest\/api\/search)/],
  ['Confluence pages and versions', /\/wiki\/api\/v2\/(pages|blogposts|spaces)/],
];
const OTHER = 'set-up and checks (permissions, status, identity)';

function streamOf(path: string): string {
  return STREAMS.find(([, re]) => re.test(path))?.[0] ?? OTHER;
}

interface Span {
  first: number;
  last: number;
  calls: number;
}

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  const details: DetailTable[] = [];
  const notes: string[] = [];
  // The site's history ends now (rounded to the hour), so "the last 90 days" covers all of it.
  const fixture = generateSite({ ...SCALE_OPTIONS });
  const admin = fixture.roles!.admin;
  const teamLead = fixture.roles!.teamLead;
  setSyncSleep(virtualSleep);
  const platform = await startLocalPlatform({ sites: [fixture], echoConsole: false, useEnv: false, time: { mode: 'virtual', restMs: REST_MS, kvsMs: KVS_MS } });
  try {
    const setup = await platform.runtime.runInContext({ key: 'bench-install', limitMs: 3_600_000 }, () =>
      seedFromFixture(createConfigRepository(createForgeKvs()), fixture, { mappedAt: new Date(0).toISOString() }),
    );
    if (setup.record.status !== 'ok') throw new Error(`setting up the install failed: ${setup.record.error ?? ''}`);
    platform.runtime.resetLog();
    platform.kvs.resetStats();
    platform.sites!.resetLog();

    // Two clocks over every request from here on: `serial` charges each request after the one
    // before (the runtime's model); `overlap` lets requests in flight together overlap.
    type ForgeFetch = (target: { type: string }, path: string, ...rest: unknown[]) => Promise<Response>;
    type AppFetch = (url: URL, ...rest: unknown[]) => Promise<Response>;
    const runtime = platform.runtime as unknown as { forgeFetch: ForgeFetch; appFetch: AppFetch };
    let serial = 0;
    let overlap = 0;
    const spans = new Map<string, Span>();
    const track = <A extends unknown[]>(original: (...a: A) => Promise<Response>, cost: (...a: A) => number, streamPath: (...a: A) => string | undefined) =>
      async function (this: unknown, ...a: A): Promise<Response> {
        const start = overlap;
        const res = await original.apply(this, a);
        const c = cost(...a);
        serial += c;
        overlap = Math.max(overlap, start + c);
        const path = streamPath(...a);
        if (path !== undefined) {
          const name = streamOf(path);
          const s = spans.get(name) ?? { first: start, last: start + c, calls: 0 };
          s.last = Math.max(s.last, start + c);
          s.calls += 1;
          spans.set(name, s);
        }
        return res;
      };
    const originalForge = runtime.forgeFetch.bind(platform.runtime);
    const originalApp = runtime.appFetch.bind(platform.runtime);
    runtime.forgeFetch = track(
      originalForge,
      (target) => (target.type === 'kvs' ? KVS_MS : REST_MS),
      (target, path) => (target.type === 'kvs' ? undefined : path),
    );
    runtime.appFetch = track(originalApp, () => REST_MS, (url) => url.pathname);

    // "Fetch now" over the last 90 days, as the admin page sends it.
    const today = new Date().toISOString().slice(0, 10);
    const since = new Date(Date.now() - 89 * DAY_MS).toISOString().slice(0, 10);
    progress('Fetch now ...');
    const started = (await platform.runtime.invokeResolver('admin-resolver', 'sources/fetch-now', { id: 'host', since, until: today }, { accountId: admin })) as { ok: boolean; error?: { message: string } };
    if (!started.ok) throw new Error(`Fetch now failed: ${started.error?.message ?? ''}`);
    const fetchNowAt = { serial, overlap };

    // The queue delivers the run's continuations one after another until it is empty.
    let delivered = 0;
    for (;;) {
      const out = await platform.runtime.drainQueue({ maxEvents: 1 });
      if (out.delivered === 0) break;
      delivered += out.delivered;
      if (delivered % 10 === 0) progress(`${delivered} invocations, ${fmt.ms(serial)} of virtual time ...`);
    }
    const consumers = platform.runtime.invocations.filter((i) => i.kind === 'consumer');
    const timeouts = consumers.filter((i) => i.status === 'timeout').length;
    const errors = consumers.filter((i) => i.status === 'error');
    const longest = Math.max(0, ...consumers.map((i) => i.ms));
    const syncDone = { serial, overlap };

    // The team lead opens the dashboard: the 90-day summary.
    const summary = (await platform.runtime.invokeResolver('dashboard-resolver', 'dashboard/summary', { filters: { range: '90d' } }, { accountId: teamLead })) as { ok: boolean; data?: { totals: { count: number } }; error?: { message: string } };
    const count = summary.ok ? (summary.data?.totals.count ?? 0) : 0;
    const total = { serial, overlap };
    const restCalls = Object.values(platform.sites!.stats()).reduce((a, n) => a + n, 0);

    rows.push(infoRow(SECTION, 'invocations', `Fetch now, ${fmt.int(consumers.length)} queue consumer invocations (longest ${fmt.ms(longest)}, ${timeouts} cut off at the limit${errors.length ? `, ${errors.length} failed` : ''}), the summary`));
    rows.push(infoRow(SECTION, 'requests', `${fmt.int(restCalls)} REST calls at ${REST_MS} ms, ${fmt.int(platform.kvs.stats.total)} KVS calls at ${KVS_MS} ms`));
    rows.push(row(SECTION, '90-day summary answers', 'counts the fetched activity', summary.ok ? `${fmt.int(count)} activities` : `failed: ${summary.error?.message ?? ''}`, summary.ok && count > 0));
    rows.push(
      row(SECTION, 'Fetch now → 90-day summary (wall time)', '< 120 s', `${fmt.ms(total.overlap)} (Fetch now ${fmt.ms(fetchNowAt.overlap)}, sync ${fmt.ms(syncDone.overlap - fetchNowAt.overlap)}, summary ${fmt.ms(total.overlap - syncDone.overlap)})`, summary.ok && total.overlap < TARGET_MS),
    );
    rows.push(infoRow(SECTION, 'the same with every request charged one after another', `${fmt.ms(total.serial)} (the local runtime's conservative model)`));
    const ordered = [...spans.entries()].sort((a, b) => a[1].first - b[1].first);
    details.push({
      title: 'Time to first dashboard: timeline by stream (virtual wall time from Fetch now)',
      header: ['Stream', 'First request', 'Last request', 'REST calls'],
      rows: [
        ...ordered.map(([name, s]) => [name, fmt.ms(s.first), fmt.ms(s.last), fmt.int(s.calls)]),
        ['sync finished', '', fmt.ms(syncDone.overlap), ''],
        ['90-day summary answered', '', fmt.ms(total.overlap), ''],
      ],
    });
    notes.push(
      `Time to first dashboard: virtual time (${REST_MS} ms per REST call, ${KVS_MS} ms per KVS call); CPU time and the queue's hand-over between invocations are not counted. ` +
        `Consumer invocations are limited by the manifest's timeoutSeconds for the sync worker.`,
    );
    progress(`first dashboard after ${fmt.ms(total.overlap)} (${fmt.ms(total.serial)} with requests one after another)`);
  } finally {
    await platform.close();
  }
  emitReport({ rows, details, notes });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
