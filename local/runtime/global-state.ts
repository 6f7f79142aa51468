/**
 * Process-wide state of the local Forge platform, shared by `installForgeGlobals()` (run before
 * any @forge/* import) and the platform started later by `startLocalPlatform()`.
 */

/** What `__forge_fetch__` receives as its first argument (see the Forge SDK sources). */
export interface ForgeTarget {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
  contextAri?: string;
  service?: string;
}

export interface RuntimeInfo {
  appId: string;
  appVersion: string;
  environmentId: string;
  environmentType: 'DEVELOPMENT' | 'STAGING' | 'PRODUCTION';
  installationId: string;
  cloudId: string;
  appCodeDir: string;
  license: { isActive: boolean } | undefined;
  permissions: { scopes: string[]; external: Record<string, unknown> };
  /** getRemainingTimeInMillis() outside any invocation (e.g. a test body calling app code). */
  defaultRemainingMs: number;
  /**
   * Whether a site admin connected Confluence to the app's installation (manifest
   * `app.compatibility`: Jira required, Confluence optional). See installation.ts.
   */
  confluenceConnected: boolean;
}

/** Implemented by the running platform; the installed globals delegate to it. */
export interface PlatformHooks {
  readonly info: RuntimeInfo;
  forgeFetch(target: ForgeTarget, path: string, init: RequestInit | undefined, guard: () => void): Promise<Response>;
  /** A plain fetch() of the app to a non-loopback URL; egress rules apply. */
  appFetch(url: URL, init: RequestInit | undefined): Promise<Response>;
}

export interface LocalForgeState {
  installed: boolean;
  platform?: PlatformHooks;
  /** The fetch that existed before installation (undici); used for real HTTP. */
  originalFetch: typeof fetch;
  /** Echo captured console output of invocations to the real console. */
  echoConsole: boolean;
}

const KEY = Symbol.for('activitypulse.local-forge.state');
const g = globalThis as unknown as Record<symbol, LocalForgeState | undefined>;

export function localForgeState(): LocalForgeState {
  let s = g[KEY];
  if (!s) {
    s = { installed: false, originalFetch: globalThis.fetch?.bind(globalThis), echoConsole: true };
    g[KEY] = s;
  }
  return s;
}

export function setActivePlatform(p: PlatformHooks): void {
  const s = localForgeState();
  if (!s.installed) {
    throw new Error('installForgeGlobals() has not run: import local/runtime/install and call it before any @forge/* module is loaded.');
  }
  if (s.platform && s.platform !== p) {
    throw new Error('Another local Forge platform is already running in this process; close() it before starting a new one.');
  }
  s.platform = p;
}

export function clearActivePlatform(p: PlatformHooks): void {
  const s = localForgeState();
  if (s.platform === p) s.platform = undefined;
}

export const DEFAULT_RUNTIME_INFO: RuntimeInfo = {
  appId: '00000000-0000-0000-0000-000000000000',
  appVersion: '0.0.0',
  environmentId: 'local-environment',
  environmentType: 'DEVELOPMENT',
  installationId: 'local-installation',
  cloudId: 'local-cloud',
  appCodeDir: process.cwd(),
  license: { isActive: true },
  permissions: { scopes: [], external: {} },
  defaultRemainingMs: 25_000,
  confluenceConnected: true,
};
