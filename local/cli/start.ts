/**
 * `npm start`: the app on the local Forge platform with the demo sites, a first sync, and the
 * Custom UI host at a printed URL. State (KVS) persists in .local-state/ between runs;
 * `npm start -- --reset` starts over. Options: --port N (or PORT), --verbose (echo app logs),
 * --no-sync (skip the first sync). With ACTIVITYPULSE_SITE_URL / _EMAIL / _API_TOKEN set, the
 * host site is that real site instead of the demo (real-site mode).
 */
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { readCustomUiApps } from '../host/apps';
import { startCustomUiHost, type CustomUiHost } from '../host/server';
import { loadDemoSites } from '../fixtures/demo';
import { startLocalPlatform, type LocalPlatform } from '../platform';
import type { HostSiteInfo } from '../host/pages';
import { describeRealSite, realSiteFromEnv } from './start/real-site';
import { seedFirstRun } from './start/seed';
import { runSync, startScheduler } from './start/sync-runner';
import { buildUi, staleUiBuilds } from './start/ui-build';

const ROOT = path.resolve(__dirname, '..', '..');
const STATE_DIR = path.join(ROOT, '.local-state');
const DEFAULT_PORT = 8787;

interface Args {
  reset: boolean;
  port: number;
  verbose: boolean;
  sync: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { reset: false, port: Number(process.env.PORT ?? DEFAULT_PORT), verbose: false, sync: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--reset') args.reset = true;
    else if (a === '--verbose') args.verbose = true;
    else if (a === '--no-sync') args.sync = false;
    else if (a === '--port') args.port = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log('Usage: npm start [-- --reset] [--port N] [--verbose] [--no-sync]');
      process.exit(0);
    } else throw new Error(`Unknown option ${a}. Try: npm start -- --help`);
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error(`Not a port: ${args.port}`);
  return args;
}

const say = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.reset) {
    rmSync(STATE_DIR, { recursive: true, force: true });
    say('Local state wiped (.local-state/).');
  }

  const apps = readCustomUiApps(path.join(ROOT, 'manifest.yml'), ROOT);
  const stale = staleUiBuilds(ROOT, apps.map((a) => a.name));
  if (stale.length > 0) {
    say(`Building the Custom UI (${stale.join(', ')})…`);
    if (!buildUi(ROOT)) say('The Custom UI build failed (see above): pages that did not build answer 503.');
  }

  const real = realSiteFromEnv();
  const demo = real ? undefined : loadDemoSites();
  const realSiteInfo: HostSiteInfo | undefined = real ? await describeRealSite(real) : undefined;
  const platform: LocalPlatform = await startLocalPlatform({
    sites: demo ? [demo.host, demo.other] : [],
    realSite: real,
    kvsFile: real ? path.join(STATE_DIR, `real-${realSiteInfo!.name}`, 'kvs.json') : path.join(STATE_DIR, 'kvs.json'),
    appDir: ROOT,
    echoConsole: args.verbose,
  });
  let uiHost: CustomUiHost | undefined;
  let stopScheduler: (() => Promise<void>) | undefined;
  let closing = false;
  const shutdown = async (code: number): Promise<void> => {
    if (closing) {
      process.exit(code);
    }
    closing = true;
    say('\nStopping…');
    await stopScheduler?.();
    await uiHost?.close();
    await platform.close();
    say('Stopped; local state saved in .local-state/.');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    if (demo) {
      say(`Local Forge platform: host site https://${demo.host.name}.atlassian.net, other site https://${demo.other.name}.atlassian.net`);
      const seed = await seedFirstRun(platform, demo.host, [demo.other]).catch((e: unknown) => ({
        seeded: false,
        lines: [`Could not seed the demo configuration: ${e instanceof Error ? e.message : String(e)}`],
      }));
      for (const line of seed.lines) say(`  ${line}`);
    } else {
      say(`Real-site mode: the host site is ${real!.url}, used as ${realSiteInfo!.users[0]?.displayName}; KVS stays local.`);
    }

    if (args.sync) {
      say('First sync…');
      const s = await runSync(platform);
      if (s.notBuilt) say('  The sync engine is not built yet: the pages open, but the dashboard stays empty.');
      else if (s.ok) say(`  Done in ${(s.ms / 1000).toFixed(1)} s (${s.invocations} invocations).`);
      else say(`  Finished with ${s.failures.length} failed invocations, e.g. ${s.failures[0]}`);
    }

    try {
      uiHost = await startCustomUiHost({ platform, site: realSiteInfo, port: args.port, rootDir: ROOT, apps, log: (l) => say(`host: ${l}`) });
    } catch (e) {
      const inUse = (e as NodeJS.ErrnoException).code === 'EADDRINUSE';
      throw new Error(inUse ? `Port ${args.port} is in use: try PORT=${args.port + 1} npm start` : (e as Error).message);
    }
    stopScheduler = startScheduler(platform, (l) => say(l));

    const site = realSiteInfo ?? demo!.host;
    const nameOf = (id: string | undefined): string => site.users.find((u) => u.accountId === id)?.displayName ?? '?';
    const link = (app: string, id: string | undefined): string => `${uiHost!.url}/app/${app}?as=${encodeURIComponent(id ?? '')}&theme=light`;
    const admin = site.roles?.admin ?? site.users[0]?.accountId;
    const lead = site.roles?.teamLead ?? site.users[0]?.accountId;
    say('');
    say(`ActivityPulse is running: ${uiHost.url}/`);
    say(`  Admin page as ${nameOf(admin)}${site.roles ? ' (Jira admin)' : ''}: ${link('admin', admin)}`);
    say(`  Dashboard as ${nameOf(lead)}${site.roles ? ' (team lead)' : ''}:  ${link('dashboard', lead)}`);
    say('  Pick another user or the dark theme on the first page. Press Ctrl-C to stop.');
  } catch (e) {
    say(`npm start failed: ${e instanceof Error ? e.message : String(e)}`);
    await shutdown(1);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`npm start failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
