import { currentInvocation } from './context';
import { DEFAULT_RUNTIME_INFO, type LocalForgeState, type RuntimeInfo } from './global-state';
import { installationOf } from './installation';

const noopCounter = { incr() {}, incrBy() {}, decr() {}, decrBy() {} };
const noopTimer = { measure: () => ({ stop() {} }) };

/**
 * Builds `global.__forge_runtime__`. The SDKs capture the object (and `proxy`, `kvs`,
 * `tracing`) when they are first imported, so it is created once and every value that varies
 * per platform or per invocation is a getter: static values come from the running platform,
 * per-invocation ones (aaid, moduleKey, remaining time, ...) from the AsyncLocalStorage
 * context, so concurrent invocations each see their own.
 */
export function buildRuntimeObject(state: LocalForgeState): Record<string, unknown> {
  const info = (): RuntimeInfo => state.platform?.info ?? DEFAULT_RUNTIME_INFO;
  const ctx = currentInvocation;
  return {
    proxy: { token: 'local-forge-proxy-token', url: 'http://forge-proxy.local' },
    // Both set => @forge/kvs uses "direct mode" ({type:'kvs'} + auth headers), as in production.
    kvs: { url: 'http://kvs.local', host: 'kvs.local' },
    tracing: {
      get traceId() { return ctx()?.traceId ?? 'local-trace'; },
      get spanId() { return ctx()?.id.slice(0, 16) ?? 'local-span'; },
    },
    metrics: {
      counter: () => noopCounter,
      timing: () => noopTimer,
      gauge: () => ({ set() {} }),
    },
    appContext: {
      get appId() { return info().appId; },
      get appVersion() { return info().appVersion; },
      get environmentId() { return info().environmentId; },
      get environmentType() { return info().environmentType; },
      get installationId() { return info().installationId; },
      get invocationId() { return ctx()?.id ?? 'local-outside-invocation'; },
      get functionKey() { return ctx()?.functionKey; },
      get moduleType() { return ctx()?.moduleType; },
      get moduleKey() { return ctx()?.moduleKey; },
      get license() { return info().license; },
      get installation() { return installationOf(info()); },
      get permissions() { return info().permissions; },
    },
    lambdaContext: {
      get awsRequestId() { return ctx()?.id ?? 'local-request'; },
      getRemainingTimeInMillis: (): number => {
        const c = ctx();
        return c ? c.clock.remainingMs() : info().defaultRemainingMs;
      },
    },
    get contextAri() { return `ari:cloud:jira::site/${info().cloudId}`; },
    get aaid() { return ctx()?.accountId; },
    externalAuth: [],
    container: {
      get appCodeDir() { return info().appCodeDir; },
      region: 'local',
      runtime: 'nodejs22.x',
    },
    realtime: {},
    rms: {},
    featureFlags: () => false,
  };
}
