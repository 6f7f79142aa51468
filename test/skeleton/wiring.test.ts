import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import * as index from '../../src/index';
import { adminContract } from '../../src/shared/admin-contract';
import { dashboardContract } from '../../src/shared/dashboard-contract';
import { gadgetContract } from '../../src/shared/gadget-contract';

/**
 * The wiring between manifest.yml, src/index.ts, the resolvers and the UIs that call them:
 * what `forge deploy` would accept but the running app would trip over.
 */
const REPO = path.resolve(__dirname, '..', '..');

interface ModuleEntry {
  key: string;
  resource?: string;
  function?: string;
  resolver?: { function: string; method?: string };
  edit?: { resource?: string };
}
interface Manifest {
  modules: Record<string, ModuleEntry[]> & { function: Array<{ key: string; handler: string }> };
  resources: Array<{ key: string; path: string }>;
}
const manifest = parse(readFileSync(path.join(REPO, 'manifest.yml'), 'utf8')) as Manifest;
const functions = new Map(manifest.modules.function.map((f) => [f.key, f.handler]));

/** Which contract each UI resource calls through (the frontends import these types). */
const CONTRACT_OF_RESOURCE: Record<string, Record<string, unknown>> = {
  admin: adminContract,
  dashboard: dashboardContract,
  gadget: gadgetContract,
  'gadget-edit': gadgetContract,
};

type Handler = (request: unknown, backend?: unknown) => Promise<unknown>;

function handlerOf(functionKey: string): Handler {
  const handler = functions.get(functionKey);
  if (!handler) throw new Error(`manifest.yml has no function "${functionKey}"`);
  const [file, exportName] = handler.split('.');
  if (file !== 'index' || !exportName) throw new Error(`handler ${handler} is not in src/index.ts`);
  const fn = (index as Record<string, unknown>)[exportName];
  if (typeof fn !== 'function') throw new Error(`src/index.ts does not export ${exportName} as a function`);
  return fn as Handler;
}

/**
 * Asks a @forge/resolver definition whether `key` is defined without running the handler:
 * the resolver looks the key up first, then spreads the context, whose Proxy throws the probe.
 */
const PROBE = new Error('wiring probe');
async function resolverDefines(handler: Handler, key: string): Promise<'defined' | 'missing' | string> {
  const context = new Proxy({}, { ownKeys: () => { throw PROBE; }, get: () => { throw PROBE; } });
  try {
    await handler({ call: { functionKey: key, payload: {} }, context }, {});
    return 'ran without reading its context';
  } catch (e) {
    if (e === PROBE) return 'defined';
    const message = e instanceof Error ? e.message : String(e);
    return /has no definition/.test(message) ? 'missing' : `not a resolver (${message})`;
  }
}

function filesUnder(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'build') continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(filesUnder(p));
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

/** Resolver keys a frontend calls with a literal: invoke('k'), invoke<T>('k'), call('k'). */
function calledKeys(sourceDir: string): string[] {
  const keys = new Set<string>();
  const re = /\b(?:invoke|call)(?:<[^>()]*>)?\(\s*['"`]([a-z0-9-]+\/[a-z0-9/-]+)['"`]/g;
  for (const file of filesUnder(sourceDir)) {
    for (const m of readFileSync(file, 'utf8').matchAll(re)) keys.add(m[1] as string);
  }
  return [...keys].sort();
}

const uiModules = Object.entries(manifest.modules)
  .filter(([type]) => type !== 'function')
  .flatMap(([type, list]) => (list as ModuleEntry[]).map((m) => ({ type, ...m })))
  .filter((m) => m.resource && m.resolver);

describe('wiring: manifest ↔ src/index.ts ↔ resolvers ↔ UIs', () => {
  it.each([...functions.entries()])('function %s → handler %s is exported by src/index.ts', (key) => {
    expect(typeof handlerOf(key)).toBe('function');
  });

  it('every function a module names is declared under `function`', () => {
    const named = Object.entries(manifest.modules)
      .filter(([type]) => type !== 'function')
      .flatMap(([type, list]) =>
        (list as ModuleEntry[]).flatMap((m) => [m.function, m.resolver?.function].filter((f): f is string => !!f).map((f) => `${type} ${m.key} → ${f}`)),
      );
    expect(named.length).toBeGreaterThan(5);
    const unknown = named.filter((n) => !functions.has(n.split(' → ')[1] as string));
    expect(unknown).toEqual([]);
  });

  it('the probe tells a defined key from a missing one', async () => {
    const admin = handlerOf('admin-resolver');
    expect(await resolverDefines(admin, 'sources/list')).toBe('defined');
    expect(await resolverDefines(admin, 'no/such-key')).toBe('missing');
  });

  describe.each(uiModules.map((m) => [`${m.type} ${m.key}`, m] as const))('%s', (_name, m) => {
    const resources = [m.resource, m.edit?.resource].filter((r): r is string => !!r);

    it('has a contract for each of its resources', () => {
      for (const r of resources) expect(Object.keys(CONTRACT_OF_RESOURCE)).toContain(r);
    });

    it('defines every key of its contract in its resolver', async () => {
      const handler = handlerOf(m.resolver!.function);
      const keys = [...new Set(resources.flatMap((r) => Object.keys(CONTRACT_OF_RESOURCE[r] ?? {})))];
      expect(keys.length).toBeGreaterThan(0);
      const results = await Promise.all(keys.map(async (k) => [k, await resolverDefines(handler, k)] as const));
      expect(results.filter(([, r]) => r !== 'defined')).toEqual([]);
    });

    it('calls only keys its contract declares', () => {
      for (const r of resources) {
        const res = manifest.resources.find((x) => x.key === r);
        expect(res).toBeDefined();
        // Custom UI: the app's sources beside its build; UI Kit: the folder of the entry file.
        const dir = /\.[jt]sx?$/.test(res!.path) ? path.join(REPO, path.dirname(res!.path)) : path.join(REPO, path.dirname(res!.path), 'src');
        const declared = Object.keys(CONTRACT_OF_RESOURCE[r] ?? {});
        const undeclared = calledKeys(dir).filter((k) => !declared.includes(k));
        expect(undeclared).toEqual([]);
      }
    });
  });

  it('finds the literal resolver calls of the UIs (the check above is not vacuous)', () => {
    expect(calledKeys(path.join(REPO, 'static', 'admin', 'src')).length).toBeGreaterThan(10);
    expect(calledKeys(path.join(REPO, 'src', 'frontend', 'gadget'))).toEqual(expect.arrayContaining(['gadget/summary']));
  });

  it('the queue consumer method is defined by its resolver', async () => {
    const consumers = manifest.modules.consumer ?? [];
    expect(consumers.length).toBeGreaterThan(0);
    for (const c of consumers) {
      if (!c.resolver?.method) continue;
      expect(await resolverDefines(handlerOf(c.resolver.function), c.resolver.method)).toBe('defined');
    }
  });
});
