/**
 * `npm run bench`: builds the reference data deterministically, runs each benchmark section in
 * its own Node process (so one section's memory never slows the next), prints the table and
 * writes it to bench/results.md. Exits non-zero when any measured target is missed.
 *
 * Every timed figure is measured with the machine loaded by one concurrent CPU-bound process the
 * bench starts first and always kills at the end (`--no-load` skips it). Flags:
 *   --no-load        no concurrent load
 *   --scale 50k      also the full syncs of the 5k and the 50,000-issue site with the emulators
 *                    in their own thread, compared
 *   --only a,b       only these sections (bundle, sync, first-dashboard, dashboard; scale with
 *                    --scale 50k)
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { flagValue } from './lib/args';
import { KVS_MS, REST_MS } from './lib/costs';
import { NO_LOAD, startCpuLoad } from './lib/load';
import { growth } from './lib/stats';
import { fmt, infoRow, markdownTable, plainTable, REPORT_MARKER, row, summaryTable, type BenchRow, type SectionReport } from './lib/report';

const ROOT = join(__dirname, '..');
interface Section {
  name: string;
  file: string;
  label: string;
  heapMb?: number;
  args?: string[];
}
const SECTIONS: Section[] = [
  // The bundle first: the dashboard section renders the build it checks.
  { name: 'bundle', file: 'bundle.ts', label: 'bundle sizes' },
  { name: 'sync', file: 'sync.ts', label: 'full, per-issue and incremental sync', heapMb: 4096 },
  { name: 'first-dashboard', file: 'first-dashboard.ts', label: 'time to first dashboard', heapMb: 4096 },
  { name: 'dashboard', file: 'dashboard.ts', label: 'dashboard and first render', heapMb: 6144 },
];
/**
 * `--scale 50k`: the full syncs of the 5k and the 50k site again, with the emulators in a thread
 * of their own so that the function's thread holds only the app's heap (sections/scale.ts).
 */
const SCALE_5K: Section = { name: 'scale', file: 'scale.ts', label: 'full sync of the 5k site, emulators in their own thread', heapMb: 2048, args: ['--scale', '5k'] };
const SCALE_50K: Section = { name: 'scale', file: 'scale.ts', label: 'full sync of the 50k site, emulators in their own thread', heapMb: 4096, args: ['--scale', '50k'] };
/** 10× the site may cost at most 10.5× (linear, 5% slack). */
const GROWTH_LIMIT = 10.5;


function runSection(file: string, heapMb: number | undefined, args: string[] = []): Promise<SectionReport & { ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const nodeOptions = [process.env.NODE_OPTIONS ?? '', heapMb ? `--max-old-space-size=${heapMb}` : ''].join(' ').trim();
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(__dirname, 'sections', file), ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: nodeOptions },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let lastErr = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      process.stderr.write(d);
      const lines = d.toString().trim().split('\n').filter(Boolean);
      if (lines.length) lastErr = lines[lines.length - 1];
    });
    child.on('close', (code) => {
      const ms = Date.now() - started;
      const line = out.split('\n').find((l) => l.startsWith(REPORT_MARKER));
      if (code === 0 && line) {
        resolve({ ...(JSON.parse(line.slice(REPORT_MARKER.length)) as SectionReport), ms });
        return;
      }
      const why = `${file} ${code === 0 ? 'printed no report' : `exited with ${code}`}: ${lastErr || 'no output'}`;
      resolve({ rows: [{ section: file, metric: 'section run', target: 'completes', result: why, verdict: 'miss' }], details: [], notes: [], ms });
    });
  });
}

function order(r: BenchRow): number {
  const m = /^(\d+)\./.exec(r.section);
  return m ? Number(m[1]) : 0;
}

/** Rows comparing the 5k and 50k full syncs: calls / lower bound at both, and how each figure grew. */
function scaleRows(smallRun: Record<string, number> | undefined, largeRun: Record<string, number> | undefined): BenchRow[] {
  const S = '7. Scale 5k → 50k';
  if (!smallRun?.calls || !largeRun?.calls) return [row(S, 'growth', `×≤ ${GROWTH_LIMIT}`, 'a full sync did not complete: not measured', null)];
  const modelled = (m: Record<string, number>): Record<string, number> => ({ ...m, forgeModelMs: m.appMs + m.calls * REST_MS + m.kvsCalls * KVS_MS });
  const [small, large] = [modelled(smallRun), modelled(largeRun)];
  const out: BenchRow[] = [];
  const grew = (metric: string, key: string, show: (n: number) => string, judged: boolean) => {
    const g = growth(small[key], large[key], GROWTH_LIMIT);
    const result = `${show(small[key])} → ${show(large[key])} = ×${g.factor.toFixed(2)}`;
    out.push(judged ? row(S, metric, `×≤ ${GROWTH_LIMIT}`, result, g.within) : infoRow(S, metric, result));
  };
  grew('REST calls', 'calls', fmt.int, true);
  // On Forge the KVS and the product APIs are other machines. Here they run in a thread of
  // their own; the app's own time, judged, is the CPU time of the function's thread.
  grew("the app's own time (CPU time of the function's thread)", 'appMs', fmt.ms, true);
  grew('function time (wall, waiting on the emulators included)', 'functionMs', fmt.ms, false);
  // What the sync would take on Forge at section 6's request costs, every request one after
  // another (an upper bound: the app runs streams side by side).
  grew(`function time on Forge, modelled (the app's own + ${REST_MS} ms per REST call + ${KVS_MS} ms per KVS call)`, 'forgeModelMs', fmt.ms, false);
  grew('KVS calls', 'kvsCalls', fmt.int, true);
  // Resident memory holds the emulator thread's data too, which is itself 10× larger: shown, not judged.
  grew('peak memory (resident, emulators and site included)', 'peakMb', (n) => `${fmt.int(n)} MiB`, false);
  grew('largest KVS value written', 'largestValueBytes', fmt.kb, false);
  return out;
}

async function main(): Promise<void> {
  const noLoad = process.argv.includes('--no-load');
  const scale = flagValue('--scale') ?? '5k';
  if (scale !== '5k' && scale !== '50k') throw new Error(`--scale takes 5k or 50k (got ${JSON.stringify(scale)})`);
  const only = flagValue('--only')?.split(',').map((x) => x.trim());
  const unknown = (only ?? []).filter((n) => n !== 'scale' && !SECTIONS.some((s) => s.name === n));
  if (unknown.length) throw new Error(`--only: no section ${unknown.join(', ')} (sections: ${SECTIONS.map((s) => s.name).join(', ')}, scale)`);
  if (only?.includes('scale') && scale !== '50k') throw new Error('--only scale runs the scale comparison, which needs --scale 50k');
  const withScale = scale === '50k' && (!only || only.includes('scale'));
  const sections = [...SECTIONS.filter((s) => !only || only.includes(s.name)), ...(withScale ? [SCALE_5K, SCALE_50K] : [])];

  const loadBefore = loadavg()[0];
  const started = Date.now();
  const load = noLoad ? NO_LOAD : startCpuLoad();
  const reports: (SectionReport & { ms: number; label: string })[] = [];
  try {
    for (const s of sections) {
      process.stderr.write(`\n== ${s.label}\n`);
      reports.push({ ...(await runSection(s.file, s.heapMb, s.args)), label: s.label });
    }
  } finally {
    load.stop();
  }
  if (withScale) {
    const small = reports.find((r) => r.label === SCALE_5K.label)?.metrics;
    const large = reports.find((r) => r.label === SCALE_50K.label)?.metrics;
    reports.push({ rows: scaleRows(small, large), details: [], notes: [], ms: 0, label: 'scale comparison' });
  }
  const rows = reports.flatMap((r) => r.rows).map((r, i) => ({ r, i })).sort((a, b) => order(a.r) - order(b.r) || a.i - b.i).map((x) => x.r);
  const missed = rows.filter((r) => r.verdict === 'miss');
  const unmeasured = rows.filter((r) => r.verdict === 'not measured');
  const machine =
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${cpus().length} cores, ` +
    `${Math.round(totalmem() / 2 ** 30)} GB, ${noLoad ? 'no added load' : 'loaded by one concurrent CPU-bound process'}, load average ${loadBefore.toFixed(1)} at the start and ${loadavg()[0].toFixed(1)} at the end; ` +
    `${((Date.now() - started) / 1000).toFixed(0)} s in all (${reports.map((r) => `${r.label} ${(r.ms / 1000).toFixed(0)} s`).join(', ')})`;
  const verdict = missed.length ? `${missed.length} target(s) missed` : 'every measured target met';

  const md = [
    '# ActivityPulse benchmarks',
    '',
    `Produced by \`npm run bench\`: ${machine}.`,
    '',
    `**${verdict}**${unmeasured.length ? `; ${unmeasured.length} not measured` : ''}.`,
    '',
    summaryTable(rows),
    '',
    ...reports.flatMap((r) => r.notes.map((n) => `- ${n}`)),
    '',
    ...reports.flatMap((r) => r.details.flatMap((d) => [`## ${d.title}`, '', markdownTable(d.header, d.rows), ''])),
  ].join('\n');
  writeFileSync(join(__dirname, 'results.md'), md);

  const plain = plainTable(['Benchmark', 'Measure', 'Target', 'Result', ''], rows.map((r) => [r.section, r.metric, r.target, r.result, r.verdict === 'info' ? '' : r.verdict.toUpperCase()]));
  process.stdout.write(`\n${plain}\n\n`);
  for (const r of reports) for (const d of r.details) process.stdout.write(`${d.title}\n${plainTable(d.header, d.rows)}\n\n`);
  for (const r of reports) for (const n of r.notes) process.stdout.write(`- ${n}\n`);
  process.stdout.write(`\n${machine}\n${verdict}. Table written to bench/results.md\n`);
  process.exitCode = missed.length ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
