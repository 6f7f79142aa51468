/**
 * What every benchmark section reports: rows with a target and a result, plus optional detail
 * tables (calls by endpoint). A row passes, fails, or was not measured; only a measured miss
 * fails the run, and a row that could not be measured is never shown as passed.
 */
export type Verdict = 'pass' | 'miss' | 'not measured' | 'info';

export interface BenchRow {
  section: string;
  metric: string;
  target: string;
  result: string;
  verdict: Verdict;
}

export interface DetailTable {
  title: string;
  header: string[];
  rows: string[][];
}

export interface SectionReport {
  rows: BenchRow[];
  details: DetailTable[];
  notes: string[];
  /** Raw figures another part of the bench compares (e.g. growth from 5k to 50k). */
  metrics?: Record<string, number>;
}

/** The line prefix a section process writes its report JSON after (everything else is progress). */
export const REPORT_MARKER = 'BENCH_REPORT ';

export function row(section: string, metric: string, target: string, result: string, ok: boolean | null): BenchRow {
  return { section, metric, target, result, verdict: ok === null ? 'not measured' : ok ? 'pass' : 'miss' };
}

export function infoRow(section: string, metric: string, result: string): BenchRow {
  return { section, metric, target: '—', result, verdict: 'info' };
}

export const fmt = {
  int: (n: number) => Math.round(n).toLocaleString('en-US'),
  ms: (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`),
  ratio: (n: number) => n.toFixed(2),
  kb: (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`,
};

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

export function markdownTable(header: string[], rows: string[][]): string {
  const lines = [`| ${header.map(escapeCell).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const r of rows) lines.push(`| ${r.map(escapeCell).join(' | ')} |`);
  return lines.join('\n');
}

const VERDICT_LABEL: Record<Verdict, string> = { pass: 'pass', miss: '**MISS**', 'not measured': 'not measured', info: '' };

export function summaryTable(rows: BenchRow[]): string {
  return markdownTable(
    ['Benchmark', 'Measure', 'Target', 'Result', ''],
    rows.map((r) => [r.section, r.metric, r.target, r.result, VERDICT_LABEL[r.verdict]]),
  );
}

/** The same table for a terminal: fixed-width columns. */
export function plainTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function emitReport(report: SectionReport): void {
  process.stdout.write(`\n${REPORT_MARKER}${JSON.stringify(report)}\n`);
}

/** Progress lines go to stderr so stdout carries only the report. */
export function progress(message: string): void {
  process.stderr.write(`  ${message}\n`);
}
