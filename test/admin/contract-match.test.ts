import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { adminHandlers } from '../../src/entry/admin/handlers';
import { z } from 'zod';
import { ADMIN_KEYS, adminContract } from '../../src/shared/admin-contract';

const ROOT = path.resolve(__dirname, '..', '..');
const API_DIR = path.join(ROOT, 'static', 'admin', 'src', 'api');

/** The keys the admin UI invokes, read from its api/ files (one invoke each). */
function uiKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  for (const file of readdirSync(API_DIR).filter((f) => f !== 'call.ts')) {
    const text = readFileSync(path.join(API_DIR, file), 'utf8');
    const found = [...text.matchAll(/call\('([a-z/-]+)'/g)].map((m) => m[1]);
    expect(found).toHaveLength(1);
    keys.set(found[0], file);
  }
  return keys;
}

describe('admin contract, handlers, UI and manifest agree', () => {
  it('has a handler for every contract key and no other', () => {
    expect(Object.keys(adminHandlers).sort()).toEqual([...ADMIN_KEYS].sort());
  });

  it('has exactly one UI api file per contract key', () => {
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
