import { resolve } from 'node:path';
import { KvsEmulator } from './kvs/emulator';
import { clearActivePlatform, localForgeState, setActivePlatform } from './runtime/global-state';
import { installForgeGlobals } from './runtime/install';
import { loadManifest } from './runtime/manifest';
import { type KvsBackend, LocalRuntime, type RuntimeLimits } from './runtime/runtime';
import type { RealSiteOptions } from './runtime/site-routing';
import type { TimeOptions } from './runtime/time-model';
import { createSiteEmulator, type SiteEmulator } from './site/emulator';
import type { SiteFixture } from './site/fixture-schema';
import { formatViolation, onViolation } from './site/request-check';

export { InvocationFailedError, type KvsBackend, type RuntimeLimits } from './runtime/runtime';
export type { InvocationOutcome, InvocationRecord } from './runtime/invoker';
export type { RealSiteOptions } from './runtime/site-routing';
export type { KvsDump } from './kvs/emulator';
export { DEFAULT_VIRTUAL_COSTS, type TimeOptions, virtualSleep } from './runtime/time-model';

export interface LocalPlatformOptions {
  /** Emulated sites; sites[0] is the host site the app is installed on. */
  sites: SiteFixture[];
  /** Persist KVS to this JSON file (npm start); in memory otherwise. */
  kvsFile?: string;
  limits?: RuntimeLimits;
  /**
   * Wall time (default: `npm start`, benchmarks) or virtual time (tests): invocations then use
   * modelled request costs instead of the clock, and the emulators never really wait.
   */
  time?: TimeOptions;
  /**
   * Real-site mode: host product calls go to this site with Basic auth. Without it, taken from
   * ACTIVITYPULSE_SITE_URL / ACTIVITYPULSE_EMAIL / ACTIVITYPULSE_API_TOKEN when all three are set
   * (see `useEnv`).
   */
  realSite?: RealSiteOptions;
  /**
   * Read the ACTIVITYPULSE_* variables for real-site mode. Default: yes, except under jest, so
   * that a developer's shell variables never send test traffic to a real site.
   */
  useEnv?: boolean;
  /** Host-site SiteState mutations deliver the product event they return to the app's triggers. */
  deliverHostEvents?: boolean;
  /** Where manifest.yml and src/ live (default: the current directory). */
  appDir?: string;
  /** Echo console output of invocations (it is captured per invocation either way). Default true. */
  echoConsole?: boolean;
  /** Seed for the site emulator's fault probabilities. */
  seed?: number;
  /**
   * Print each request the OpenAPI documents do not define and set a failing exit code
   * (`npm start`, `npm run sync`, the bench). Default: yes, except under jest, where the test
   * harness fails the test that sent it.
   */
  reportRequestViolations?: boolean;
  /**
   * Confluence connected to the app's installation on the host site (default true). The
   * manifest makes Confluence optional; `p.runtime.setConfluenceConnected()` changes it later.
   */
  confluenceConnected?: boolean;
  /**
   * Run the handlers from this folder instead of `src/`: `npm run bundle` writes what `forge
   * deploy` would upload to `.bundle/functions` (index.cjs), and the bundle smoke test runs it.
   */
  functionsDir?: string;
}

export interface LocalPlatform {
  kvs: KvsEmulator;
  sites: SiteEmulator | undefined;
  runtime: LocalRuntime;
  close(): Promise<void>;
}

/** Starts KVS + site emulator + function runtime, and makes them the target of the Forge globals. */
export async function startLocalPlatform(opts: LocalPlatformOptions): Promise<LocalPlatform> {
  const state = claimForgeGlobals();
  const appDir = resolve(opts.appDir ?? process.cwd());
  const manifest = loadManifest(appDir);
  const virtual = opts.time?.mode === 'virtual';
  const kvs = new KvsEmulator({ entities: manifest.entities, file: opts.kvsFile, realLatency: !virtual });
  const useEnv = opts.useEnv ?? process.env.JEST_WORKER_ID === undefined;
  const realSite = opts.realSite ?? (useEnv ? realSiteFromEnv(process.env) : undefined);
  const emulator = opts.sites.length > 0 ? await createSiteEmulator({ sites: opts.sites, seed: opts.seed, latency: virtual ? 'report' : 'sleep' }) : undefined;
  const host = emulator?.site(opts.sites[0].name);
  const stopReporting =
    emulator && (opts.reportRequestViolations ?? process.env.JEST_WORKER_ID === undefined)
      ? onViolation((v) => {
          process.exitCode = 1;
          console.error(`REQUEST NOT DEFINED BY THE OPENAPI DOCUMENTS (answered 400): ${formatViolation(v)}`);
        })
      : undefined;
  const runtime = new LocalRuntime({
    manifest,
    appDir,
    kvs,
    originalFetch: state.originalFetch,
    emulatorBaseUrl: emulator?.baseUrl,
    siteNames: opts.sites.map((s) => s.name),
    cloudId: host?.cloudId,
    realSite,
    limits: opts.limits,
    time: opts.time,
    confluenceConnected: opts.confluenceConnected,
    functionsDir: opts.functionsDir ? resolve(appDir, opts.functionsDir) : undefined,
  });
  const release = activate(runtime, opts.echoConsole);
  const sites = emulator && opts.deliverHostEvents ? withHostEventDelivery(emulator, opts.sites[0].name, runtime) : emulator;
  return {
    kvs,
    sites,
    runtime,
    async close() {
      if (!(await release())) return;
      stopReporting?.();
      await kvs.close();
      await emulator?.close();
    },
  };
}

/** Emulators that run outside this thread: a KVS client and a site emulator's address. */
export interface RemoteEmulators {
  kvs: KvsBackend;
  /** The site emulator's base URL and the sites it hosts; siteNames[0] is the host site. */
  site: { baseUrl: string; siteNames: string[]; cloudId: string };
}

/**
 * The function runtime alone, on emulators that run elsewhere (another thread): the bench's
 * scale measure uses it so that the emulators' heap, which grows with the site, is collected
 * by their own thread and not charged to the function. Wall time, emulated sites only.
 */
export async function startLocalRuntime(remote: RemoteEmulators, opts: { appDir?: string; echoConsole?: boolean } = {}): Promise<{ runtime: LocalRuntime; close(): Promise<void> }> {
  const state = claimForgeGlobals();
  const appDir = resolve(opts.appDir ?? process.cwd());
  const runtime = new LocalRuntime({
    manifest: loadManifest(appDir),
    appDir,
    kvs: remote.kvs,
    originalFetch: state.originalFetch,
    emulatorBaseUrl: remote.site.baseUrl,
    siteNames: remote.site.siteNames,
    cloudId: remote.site.cloudId,
  });
  const release = activate(runtime, opts.echoConsole);
  return { runtime, close: async () => void (await release()) };
}

function claimForgeGlobals(): ReturnType<typeof localForgeState> {
  installForgeGlobals();
  const state = localForgeState();
  if (state.platform) throw new Error('A local Forge platform is already running in this process; close() it first.');
  return state;
}

/** Makes the runtime the Forge globals' target; the returned release() answers false after the first call. */
function activate(runtime: LocalRuntime, echoConsole: boolean | undefined): () => Promise<boolean> {
  localForgeState().echoConsole = echoConsole ?? true;
  setActivePlatform(runtime);
  let closed = false;
  return async () => {
    if (closed) return false;
    closed = true;
    await runtime.idle();
    clearActivePlatform(runtime);
    return true;
  };
}

export function realSiteFromEnv(env: NodeJS.ProcessEnv): RealSiteOptions | undefined {
  const { ACTIVITYPULSE_SITE_URL: url, ACTIVITYPULSE_EMAIL: email, ACTIVITYPULSE_API_TOKEN: token } = env;
  return url && email && token ? { url, email, token } : undefined;
}

/**
 * Wraps the emulator so that mutation methods of the host site's state hand the product event
 * they return to runtime.runProductEvent (await `runtime.idle()` to wait for the handlers).
 */
function withHostEventDelivery(emulator: SiteEmulator, hostName: string, runtime: LocalRuntime): SiteEmulator {
  const deliver = (result: unknown): void => {
    const events = Array.isArray(result) ? result : [result];
    for (const ev of events) {
      if (ev && typeof ev === 'object' && typeof (ev as { eventType?: unknown }).eventType === 'string') {
        runtime.deliverInBackground(ev as { eventType: string });
      }
    }
  };
  const stateProxies = new WeakMap<object, object>();
  const wrapState = (s: object): object => {
    let p = stateProxies.get(s);
    if (!p) {
      p = new Proxy(s, {
        get(target, prop, receiver) {
          const v = Reflect.get(target, prop, receiver) as unknown;
          if (typeof v !== 'function') return v;
          return (...args: unknown[]) => {
            const r = (v as (...a: unknown[]) => unknown).apply(target, args);
            if (r instanceof Promise) return r.then((x) => { deliver(x); return x; });
            deliver(r);
            return r;
          };
        },
      });
      stateProxies.set(s, p);
    }
    return p;
  };
  return new Proxy(emulator, {
    get(target, prop, receiver) {
      if (prop === 'site') {
        return (name: string) => {
          const s = target.site(name);
          return name === hostName ? wrapState(s) : s;
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}
