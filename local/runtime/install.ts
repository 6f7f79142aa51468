import { format } from 'node:util';
import { afterRequest, beforeRequest, currentInvocation, InvocationCutOffError, type ConsoleLine } from './context';
import { type ForgeTarget, localForgeState } from './global-state';
import { buildRuntimeObject } from './runtime-object';

type Globals = {
  __forge_runtime__?: Record<string, unknown>;
  __forge_fetch__?: (target: ForgeTarget, path: string, init?: RequestInit) => Promise<Response>;
  fetch: typeof fetch;
};
const g = globalThis as unknown as Globals;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Installs the Forge platform globals the @forge/* SDKs read: `__forge_runtime__`,
 * `__forge_fetch__` and an egress-checking `fetch`. Must run before the first @forge/* import
 * (the SDKs capture these at import). Safe to call more than once (once per jest test file via
 * setupFiles, once in a CLI): later calls do nothing.
 *
 * Until a platform is started, every Forge request fails with an error saying so. Plain fetch
 * to loopback addresses (the emulators themselves) always passes through untouched.
 */
export function installForgeGlobals(): void {
  const state = localForgeState();
  if (state.installed && g.__forge_fetch__ && g.__forge_runtime__) return;
  state.originalFetch = state.originalFetch ?? globalThis.fetch?.bind(globalThis);

  g.__forge_runtime__ = buildRuntimeObject(state);

  g.__forge_fetch__ = async (target: ForgeTarget, path: string, init?: RequestInit): Promise<Response> => {
    const what = `${target?.type}${target?.remote ? `/${target.remote}` : ''} ${path}`;
    const ctx = beforeRequest(what);
    const platform = state.platform;
    if (!platform) {
      throw new Error(`Forge request ${what} failed: no local Forge platform is running. Start one with startLocalPlatform() (local/platform.ts) first.`);
    }
    const guard = (): void => {
      if (ctx && ctx.state !== 'running') throw new InvocationCutOffError(ctx, what);
    };
    try {
      return await platform.forgeFetch(target, path, init, guard);
    } finally {
      afterRequest(ctx);
    }
  };

  g.fetch = async function localForgeFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (LOOPBACK.has(url.hostname)) return state.originalFetch(input, init);
    const ctx = beforeRequest(`fetch ${url.origin}${url.pathname}`);
    const platform = state.platform;
    if (!platform) {
      throw new Error(`fetch(${url.origin}) failed: no local Forge platform is running. Start one with startLocalPlatform() (local/platform.ts) first.`);
    }
    const effectiveInit = input instanceof Request ? await requestToInit(input, init) : init;
    try {
      return await platform.appFetch(url, effectiveInit);
    } finally {
      afterRequest(ctx);
    }
  } as typeof fetch;

  patchConsole(state);
  state.installed = true;
}

async function requestToInit(req: Request, init?: RequestInit): Promise<RequestInit> {
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return { method: req.method, headers: req.headers, ...(hasBody ? { body: await req.text() } : {}), ...init };
}

const LEVELS: ConsoleLine['level'][] = ['log', 'info', 'warn', 'error', 'debug'];
const PATCHED = Symbol.for('activitypulse.local-forge.console');

/** Captures console output per invocation (for secret scanners); echoes it unless disabled. */
function patchConsole(state: ReturnType<typeof localForgeState>): void {
  const c = console as unknown as Record<string | symbol, unknown>;
  if (c[PATCHED]) return;
  for (const level of LEVELS) {
    const original = (console[level] as (...a: unknown[]) => void).bind(console);
    c[level] = (...args: unknown[]): void => {
      const ctx = currentInvocation();
      if (ctx) ctx.console.push({ level, text: format(...args) });
      if (!ctx || state.echoConsole) original(...args);
    };
  }
  c[PATCHED] = true;
}
