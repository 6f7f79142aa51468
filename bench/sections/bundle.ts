/**
 * Benchmark 5, bundle half: the gzip size of every Custom UI build the manifest names. A build
 * older than its sources is rebuilt first, so the figure is for the code in the tree.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readCustomUiApps } from '../../local/host/apps';
import { emitReport, fmt, infoRow, progress, row, type BenchRow, type DetailTable } from '../lib/report';

const BUNDLE = '5. Bundle';
const ROOT = join(__dirname, '..', '..');
const STATIC = join(ROOT, 'static');
const TARGETS: Record<string, number> = { dashboard: 200 * 1024, admin: 250 * 1024 };

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

const newest = (list: string[]) => Math.max(0, ...list.map((f) => statSync(f).mtimeMs));
const oldest = (list: string[]) => Math.min(...list.map((f) => statSync(f).mtimeMs));

function main(): void {
  const rows: BenchRow[] = [];
  const details: DetailTable[] = [];
  const notes: string[] = [];
  for (const app of readCustomUiApps(join(ROOT, 'manifest.yml'), ROOT)) {
    const appDir = dirname(app.buildDir);
    // The app's own sources, and what both apps build from (static/shared, the shared config).
    const sources = [
      ...files(join(appDir, 'src')),
      ...files(join(STATIC, 'shared')),
      ...[join(appDir, 'index.html'), join(appDir, 'vite.config.mts'), join(STATIC, 'vite.shared.mts')].filter(existsSync),
    ];
    let built = files(app.buildDir);
    if (!built.length || newest(sources) > oldest(built)) {
      progress(`building ${app.name} (${built.length ? 'older than its sources' : 'no build'}) ...`);
      execFileSync(join(STATIC, 'node_modules', '.bin', 'vite'), ['build', '--config', relative(STATIC, join(appDir, 'vite.config.mts'))], { cwd: STATIC, stdio: ['ignore', 'ignore', 'inherit'] });
      notes.push(`The ${app.name} build was older than its sources and was rebuilt first.`);
      built = files(app.buildDir);
    }
    let raw = 0;
    let gz = 0;
    const perFile: string[][] = [];
    for (const f of built.sort()) {
      const bytes = readFileSync(f);
      const z = gzipSync(bytes).length;
      raw += bytes.length;
      gz += z;
      perFile.push([relative(app.buildDir, f), fmt.kb(bytes.length), fmt.kb(z)]);
    }
    const result = `${fmt.kb(gz)} gzip (${fmt.kb(raw)} raw, ${built.length} files)`;
    const limit = TARGETS[app.name];
    rows.push(limit === undefined ? infoRow(BUNDLE, `${app.name} build size`, result) : row(BUNDLE, `${app.name} build size`, `≤ ${limit / 1024} KB gzip`, result, gz <= limit));
    details.push({ title: `${app.name} build: files`, header: ['File', 'Raw', 'Gzip'], rows: perFile });
  }
  emitReport({ rows, details, notes });
}

main();
