import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { adminHandlers } from '../../src/entry/admin/handlers';
import { z } from 'zod';
import { ADMIN_KEYS, adminContract } from '../../src/shared/admin-contract';

const ROOT = path.resolve(__dirname, '..', '..');
const SRC_DIR = path.join(ROOT, 'static', 'admin', 'src');

/** The keys the admin UI calls, read from its sources (every call goes through static/shared/call.ts). */
function uiKeys(): Set<string> {
  const files = readdirSync(SRC_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
  return new Set(files.flatMap((f) => [...readFileSync(path.join(SRC_DIR, f), 'utf8').matchAll(/\bcall\('([a-z/-]+)'/g)].map((m) => m[1])));
}

describe('admin contract, handlers, UI and manifest agree', () => {
  it('has a handler for every contract key and no other', () => {
    expect(Object.keys(adminHandlers).sort()).toEqual([...ADMIN_KEYS].sort());
  });

  it('has the UI call every contract key and no other', () => {
    expect([...uiKeys().keys()].sort()).toEqual([...ADMIN_KEYS].sort());
  });

  it('wires the admin page module to the admin resolver export', () => {
    const manifest = parse(readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8'));
    const page = manifest.modules['jira:adminPage'].find((m: { key: string }) => m.key === 'activitypulse-admin');
    expect(page.resolver.function).toBe('admin-resolver');
    const fn = manifest.modules.function.find((f: { key: string }) => f.key === 'admin-resolver');
    expect(fn.handler).toBe('index.adminResolver');
    const resource = manifest.resources.find((r: { key: string }) => r.key === page.resource);
    expect(resource.path).toBe('static/admin/build');
    // Loaded lazily: the index pulls in every entry point.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(typeof require('../../src/index').adminResolver).toBe('function');
  });

  it('has no field that could carry a token in any result schema', () => {
    const names: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        if (k === 'properties' && v && typeof v === 'object') names.push(...Object.keys(v));
        walk(v);
      }
    };
    for (const key of ADMIN_KEYS) walk(z.toJSONSchema(adminContract[key].result, { unrepresentable: 'any' }));
    expect(names).toContain('jiraTokenSetAt');
    expect(names.filter((n) => /token$|secret|password/i.test(n))).toEqual([]);
  });
});
