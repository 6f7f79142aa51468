import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DASHBOARD_KEYS } from '../../src/shared/dashboard-contract';
import * as index from '../../src/index';

/** The manifest, the resolver contract and the page's invokes name the same things. */
describe('dashboard wiring', () => {
  const root = join(__dirname, '..', '..');
  const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as {
    modules: { 'jira:globalPage': { key: string; resource: string; resolver: { function: string } }[]; function: { key: string; handler: string }[] };
    resources: { key: string; path: string }[];
  };

  it('the global page names the dashboard resolver, whose handler index exports', () => {
    const page = manifest.modules['jira:globalPage'].find((m) => m.key === 'activitypulse-dashboard')!;
    expect(page.resolver.function).toBe('dashboard-resolver');
    const fn = manifest.modules.function.find((f) => f.key === 'dashboard-resolver')!;
    expect(fn.handler).toBe('index.dashboardResolver');
    expect(typeof (index as Record<string, unknown>).dashboardResolver).toBe('function');
    expect(manifest.resources.find((r) => r.key === page.resource)?.path).toBe('static/dashboard/build');
  });

  it('the page calls every contract key and nothing else', () => {
    const dir = join(root, 'static', 'dashboard', 'src');
    const invoked = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f))
      .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/\bcall\('([^']+)'/g)].map((m) => m[1]));
    expect([...new Set(invoked)].sort()).toEqual([...DASHBOARD_KEYS].sort());
  });
});
