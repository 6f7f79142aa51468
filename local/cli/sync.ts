/**
 * `npm run sync -- --site <fixture.json> [--since ISO] [--until ISO] [--out file.jsonl]`: a full
 * sync of one site fixture on the local Forge platform, with every user mapped unless the
 * fixture lists `teammates`. Prints activities by kind, REST calls by endpoint against the
 * lowest possible count, and the time taken; --out writes one Activity JSON per line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_SETTINGS } from '../../src/domain/config';
import { lastDays, type TimeWindow } from '../../src/domain/time-window';
import { installForgeGlobals } from '../runtime/install';

installForgeGlobals();

interface Args {
  site: string;
  sinceMs?: number;
  untilMs?: number;
  out?: string;
}

function instantMs(flag: string, text: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`${flag} takes an ISO 8601 date or instant, e.g. 2026-11-01 or 2026-11-01T09:00:00Z; got "${text}"`);
  return ms;
}

/** Either end given makes an explicit range; the other end is the one a scheduled run would use. */
function explicitWindow(args: Args, nowMs: number): TimeWindow | undefined {
  if (args.sinceMs === undefined && args.untilMs === undefined) return undefined;
  return { sinceMs: args.sinceMs ?? lastDays(nowMs, DEFAULT_SETTINGS.historyDays).sinceMs, untilMs: args.untilMs ?? nowMs };
}

function parseArgs(argv: string[]): Args {
  const args: Partial<Args> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--site') args.site = value();
    else if (a === '--since') args.sinceMs = instantMs(a, value());
    else if (a === '--until') args.untilMs = instantMs(a, value());
    else if (a === '--out') args.out = value();
    else if (a === '--help' || a === '-h') {
      console.log('Usage: npm run sync -- --site <fixture.json> [--since ISO] [--until ISO] [--out file.jsonl]');
      process.exit(0);
    } else throw new Error(`Unknown option ${a}. Try: npm run sync -- --help`);
  }
  if (!args.site) throw new Error('--site <fixture.json> is required');
  return args as Args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  // Loaded after the globals are installed: the Forge SDKs capture them on first import.
  const { parseSiteFixture } = await import('../site/fixture-schema');
  const { startLocalPlatform } = await import('../platform');
  const { runCliSync } = await import('./sync/run-cli-sync');
  const { lowerBound } = await import('./sync/lower-bound');

  const fixture = parseSiteFixture(JSON.parse(readFileSync(args.site, 'utf8')));
  const platform = await startLocalPlatform({ sites: [fixture], echoConsole: false, useEnv: false });
  try {
    const started = Date.now();
    const window = explicitWindow(args, started);
    const result = await runCliSync(platform, fixture, window ? { window } : {});
    const elapsedMs = Date.now() - started;
    const bound = lowerBound(fixture, result.sinceMs);
    const calls = Object.values(result.calls).reduce((a, b) => a + b, 0);

    console.log(`Site ${fixture.name}: run ${result.status}, ${result.activities.length} activities stored`);
    console.log('\nActivities by kind');
    for (const [kind, n] of Object.entries(result.byKind).sort()) console.log(`  ${kind.padEnd(28)} ${n}`);
    console.log('\nREST calls by endpoint            made   lowest');
    const endpoints = new Set([...Object.keys(result.calls), ...Object.keys(bound.byEndpoint)]);
    for (const e of [...endpoints].sort()) {
      console.log(`  ${e.padEnd(48)} ${String(result.calls[e] ?? 0).padStart(5)} ${String(bound.byEndpoint[e] ?? 0).padStart(7)}`);
    }
    console.log(`  ${'total'.padEnd(48)} ${String(calls).padStart(5)} ${String(bound.total).padStart(7)}`);
    console.log(`\nCalls / lower bound: ${(calls / Math.max(1, bound.total)).toFixed(2)}; 429s: ${result.rateLimited}`);
    if (result.errors.length) console.log(`Errors: ${result.errors.map((e) => e.message).join('; ')}`);
    console.log(`Elapsed: ${(elapsedMs / 1000).toFixed(1)} s`);
    if (args.out) {
      writeFileSync(args.out, result.activities.map((a) => JSON.stringify(a)).join('\n') + (result.activities.length ? '\n' : ''));
      console.log(`Wrote ${result.activities.length} activities to ${args.out}`);
    }
  } finally {
    await platform.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
