import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The Custom UI builds are not committed: a fresh clone has none, and an edit to an app's
 * sources makes its build stale. `npm start` rebuilds in both cases so what you open is what
 * the code says.
 */
function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'build') continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function staleUiBuilds(rootDir: string, apps: string[]): string[] {
  // The apps import the contracts and the domain model from src/.
  const shared = Math.max(newestMtime(path.join(rootDir, 'src', 'shared')), newestMtime(path.join(rootDir, 'src', 'domain')));
  return apps.filter((app) => {
    const index = path.join(rootDir, 'static', app, 'build', 'index.html');
    if (!existsSync(index)) return true;
    const built = statSync(index).mtimeMs;
    return Math.max(shared, newestMtime(path.join(rootDir, 'static', app))) > built;
  });
}

/** Runs the static build (both apps); false when it failed (its output is shown). */
export function buildUi(rootDir: string): boolean {
  const r = spawnSync('npm', ['--prefix', 'static', 'run', 'build'], { cwd: rootDir, stdio: 'inherit' });
  return r.status === 0;
}
