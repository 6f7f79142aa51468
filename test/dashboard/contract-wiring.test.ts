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

  it('every contract key has one api file in the page, and the page invokes nothing else', () => {
    const dir = join(root, 'static', 'dashboard', 'src', 'api');
    const invoked = readdirSync(dir)
      .filter((f) => f !== 'call.ts')
      .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/call\('([^']+)'/g)].map((m) => m[1]));
    expect([...invoked].sort()).toEqual([...DASHBOARD_KEYS].sort());
  });
});
