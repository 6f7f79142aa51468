/**
 * `npm run bench`: builds the reference data deterministically, runs each benchmark section in
 * its own Node process (so one section's memory never slows the next), prints the table and
 * writes it to bench/results.md. Exits non-zero when any measured target is missed.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { markdownTable, plainTable, REPORT_MARKER, summaryTable, type BenchRow, type SectionReport } from './lib/report';

const ROOT = join(__dirname, '..');
const SECTIONS: { file: string; label: string; heapMb?: number }[] = [
  // The bundle first: the dashboard section renders the build it checks.
  { file: 'bundle.ts', label: 'bundle sizes' },
  { file: 'sync.ts', label: 'full, per-issue and incremental sync', heapMb: 4096 },
  { file: 'dashboard.ts', label: 'dashboard and first render', heapMb: 6144 },
];

function runSection(file: string, heapMb: number | undefined): Promise<SectionReport & { ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const nodeOptions = [process.env.NODE_OPTIONS ?? '', heapMb ? `--max-old-space-size=${heapMb}` : ''].join(' ').trim();
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(__dirname, 'sections', file)], {
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

async function main(): Promise<void> {
  const loadBefore = loadavg()[0];
  const started = Date.now();
  const reports: (SectionReport & { ms: number; label: string })[] = [];
  for (const s of SECTIONS) {
    process.stderr.write(`\n== ${s.label}\n`);
    reports.push({ ...(await runSection(s.file, s.heapMb)), label: s.label });
  }
  const rows = reports.flatMap((r) => r.rows).map((r, i) => ({ r, i })).sort((a, b) => order(a.r) - order(b.r) || a.i - b.i).map((x) => x.r);
  const missed = rows.filter((r) => r.verdict === 'miss');
  const unmeasured = rows.filter((r) => r.verdict === 'not measured');
  const machine =
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${cpus().length} cores, ` +
    `${Math.round(totalmem() / 2 ** 30)} GB, load average ${loadBefore.toFixed(1)} at the start and ${loadavg()[0].toFixed(1)} at the end; ` +
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
