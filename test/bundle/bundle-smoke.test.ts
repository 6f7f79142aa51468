import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { LocalPlatform } from '../../local/platform';
import { startTestPlatform } from '../helpers/test-platform';
import { siteEndingNow } from '../sync/helpers';

/**
 * The app as `forge deploy` packages it: `npm run bundle` (npm test runs it before jest) bundles
 * the functions and the UI Kit resources with Atlassian's @forge/bundler into .bundle/. This
 * loads that bundle on the local platform instead of src/, invokes every function key of the
 * manifest once (resolvers, scheduled triggers, the queue consumer, product events) and checks
 * each answers without a crash; then scans the bundle for secrets.
 */
const REPO = join(__dirname, '..', '..');
const BUNDLE = join(REPO, '.bundle');
const BUNDLE_JSON = join(BUNDLE, 'bundle.json');

type ModuleEntry = {
  key: string;
  handler?: string;
  function?: string;
  resolver?: { function: string };
  render?: string;
  resource?: string;
  edit?: { resource: string };
};
type Manifest = { modules: Record<string, ModuleEntry[]>; resources: { key: string; path: string }[] };
type BundleReport = {
  bundler: string;
  functions: { handlers: string[]; files: string[]; leftOut: string[] };
  resources: { key: string; type: string; files: string[] }[];
};

const manifest = parse(readFileSync(join(REPO, 'manifest.yml'), 'utf8')) as Manifest;

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The bundle must exist and be newer than what it was made from, or the test would check old code. */
function requireFreshBundle(): BundleReport {
  if (!existsSync(BUNDLE_JSON)) throw new Error('No bundle in .bundle/: run `npm run bundle` (npm test runs it before jest).');
  const builtAt = statSync(BUNDLE_JSON).mtimeMs;
  const sources = [join(REPO, 'manifest.yml'), join(REPO, 'tsconfig.json'), ...listFiles(join(REPO, 'src'))];
  const newer = sources.filter((f) => statSync(f).mtimeMs > builtAt).map((f) => relative(REPO, f));
  if (newer.length > 0) throw new Error(`.bundle/ is older than ${newer.slice(0, 5).join(', ')}${newer.length > 5 ? ', …' : ''}: run \`npm run bundle\` again.`);
  return JSON.parse(readFileSync(BUNDLE_JSON, 'utf8')) as BundleReport;
}

describe('the bundle forge deploy would upload', () => {
  let report: BundleReport;
  let platform: LocalPlatform;
  const fixture = siteEndingNow({ seed: 23, issues: 12, pages: 6, users: 4 });
  const admin = fixture.roles!.admin;

  beforeAll(async () => {
    report = requireFreshBundle();
    platform = await startTestPlatform({ sites: [fixture], appDir: REPO, functionsDir: join('.bundle', 'functions') });
  });
  afterAll(async () => { await platform?.close(); });

  it("was made by Atlassian's bundler from the manifest's handlers, UI Kit resources included", () => {
    const pinned = (JSON.parse(readFileSync(join(REPO, 'scripts', 'forge-bundler', 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies['@forge/bundler'];
    expect(report.bundler).toBe(`@forge/bundler@${pinned}`);
    expect([...report.functions.handlers].sort()).toEqual([...new Set(manifest.modules.function.map((f) => f.handler!))].sort());
    expect(report.functions.files).toContain('index.cjs');
    // The one difference from forge deploy: Forge's runtime loader comes from Atlassian's CDN.
    expect(report.functions.leftOut).toEqual(expect.arrayContaining(['__forge__.cjs', '__forge_wrapper__.cjs']));
    const nativeKeys = Object.values(manifest.modules).flat()
      .flatMap((m) => (m.render === 'native' ? [m.resource, ...(m.edit ? [m.edit.resource] : [])] : []))
      .filter((k): k is string => !!k);
    expect(nativeKeys.sort()).toEqual(['gadget', 'gadget-edit']);
    for (const key of nativeKeys) {
      const r = report.resources.find((x) => x.key === key);
      expect(r?.type).toBe('nativeUI');
      const html = readFileSync(join(BUNDLE, 'resources', key, 'index.html'), 'utf8');
      const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const s of scripts) expect(existsSync(join(BUNDLE, 'resources', key, s))).toBe(true);
    }
    expect(report.resources.map((r) => r.key).sort()).toEqual(manifest.resources.map((r) => r.key).sort());
  });

  it('answers on every function key of the manifest, run from the bundle', async () => {
    const invoke = (fn: string, key: string, payload: unknown, accountId = admin) => platform.runtime.invokeResolver(fn, key, payload, { accountId });
    // Resolvers: one key each, through the module that names the function.
    const resolverFns = Object.entries(manifest.modules)
      .filter(([type]) => !['function', 'trigger', 'scheduledTrigger', 'consumer'].includes(type))
      .flatMap(([, list]) => list.map((m) => m.resolver?.function))
      .filter((f): f is string => !!f);
    const firstKey: Record<string, [string, unknown]> = {
      'admin-resolver': ['sources/list', {}],
      'dashboard-resolver': ['dashboard/context', {}],
      'gadget-resolver': ['gadget/options', {}],
    };
    for (const fn of resolverFns) {
      const [key, payload] = firstKey[fn];
      expect(await invoke(fn, key, payload)).toMatchObject({ ok: true });
    }
    // Scheduled triggers.
    for (const t of manifest.modules.scheduledTrigger) expect((await platform.runtime.runScheduledTrigger(t.key)).record.status).toBe('ok');
    // The queue consumer: Fetch now queues the run, the consumer runs it.
    const today = new Date().toISOString().slice(0, 10);
    const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    expect(await invoke('admin-resolver', 'sources/fetch-now', { id: 'host', since: weekAgo, until: today })).toMatchObject({ ok: true });
    for (let i = 0; i < 50 && platform.runtime.queue.size > 0; i++) await platform.runtime.drainQueue({ maxEvents: 5 });
    // Product events: a real change on the site gives the event Forge would deliver.
    const site = platform.sites!.site(fixture.name);
    const issue = fixture.issues[0];
    const page = fixture.contents.find((c) => c.status === 'current')!;
    const jiraEvent = site.addComment(issue.id, { authorId: admin, text: 'Checked from the bundle' });
    const confluenceEvent = site.addContentVersion(page.id, { authorId: admin, message: 'Checked from the bundle' });
    for (const event of [jiraEvent, confluenceEvent]) {
      const outcomes = await platform.runtime.runProductEvent(event as { eventType: string });
      expect(outcomes.length).toBeGreaterThan(0);
    }
    await platform.runtime.idle();

    const records = platform.runtime.invocations;
    const failed = records.filter((r) => r.status !== 'ok').map((r) => `${r.key}: ${r.status} ${r.error ?? ''}`);
    expect(failed).toEqual([]);
    const invoked = new Set(records.map((r) => r.functionKey));
    expect(manifest.modules.function.map((f) => f.key).filter((k) => !invoked.has(k))).toEqual([]);
    expect(records.some((r) => r.kind === 'consumer' && r.functionKey === manifest.modules.consumer[0].resolver?.function)).toBe(true);
    // And it was the bundle that ran, not src/.
    expect(platform.runtime.handlerFiles.get('index')).toBe(join(BUNDLE, 'functions', 'index.cjs'));
  });

  it('holds no secret, and none of the emulator or the tests that carry demo tokens', () => {
    const files = listFiles(BUNDLE);
    const patterns: [string, RegExp][] = [
      ['Atlassian API token', /ATA[TC]T[A-Za-z0-9_\-=]{16,}/],
      ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
      ['AWS access key', /\bAKIA[0-9A-Z]{16}\b/],
      ['Basic credentials', /Basic [A-Za-z0-9+/]{20,}={0,2}/],
    ];
    const envSecrets = [process.env.ACTIVITYPULSE_API_TOKEN].filter((v): v is string => !!v && v.length >= 8);
    const found = (text: string) => [...patterns.filter(([, re]) => re.test(text)).map(([name]) => name), ...envSecrets.filter((s) => text.includes(s)).map(() => 'ACTIVITYPULSE_API_TOKEN')];
    // Positive control: the scan finds the demo site's tokens where they are.
    expect(found(readFileSync(join(REPO, 'local', 'fixtures', 'demo-other-site.json'), 'utf8'))).toContain('Atlassian API token');
    const hits = files.flatMap((f) => found(readFileSync(f, 'latin1')).map((what) => `${relative(BUNDLE, f)}: ${what}`));
    expect(hits).toEqual([]);
    // What went into the function bundle: the app and its packages, never local/, test/ or bench/.
    const map = JSON.parse(readFileSync(join(BUNDLE, 'functions', 'index.cjs.map'), 'utf8')) as { sources: string[] };
    const sources = map.sources.map((s) => s.replace(/^webpack:\/\/[^/]*\//, ''));
    // Left to require at run time: Node's own modules only (no package is external, as in forge deploy).
    const externals = sources.map((s) => /^external node-commonjs "(?:node:)?([^"]+)"$/.exec(s)?.[1]).filter((x): x is string => !!x);
    expect(externals.filter((x) => !builtinModules.includes(x))).toEqual([]);
    const fromRepo = sources.map((s) => s.replace(/^\.\//, '')).filter((s) => !s.includes('node_modules') && !s.startsWith('external ') && !s.startsWith('webpack/'));
    expect(fromRepo.length).toBeGreaterThan(50);
    expect(fromRepo.filter((s) => !s.startsWith('src/'))).toEqual([]);
  });
});
