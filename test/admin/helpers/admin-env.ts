import type { AdminDeps } from '../../../src/admin/deps';
import type { SyncPort } from '../../../src/admin/sync-port';
import { apiBaseUrl, type DataSource } from '../../../src/domain/config';
import { adminResolverDefinition } from '../../../src/entry/admin/definition';
import type { SyncRunView } from '../../../src/shared/admin-contract';
import { UnreachableError } from '../../../src/sources/errors';
import { getTenantCloudId } from '../../../src/sources/get-tenant-info';
import type { Product, SiteClient, SiteResponse } from '../../../src/sources/site-client';
import { createConfigRepository } from '../../../src/store/config-repository';
import { createSiteEmulator, type SiteEmulator } from '../../../local/site/emulator';
import type { SiteFixture } from '../../../local/site/fixture-schema';
import { globexSite, hostSite } from './sites';
import { createMemoryKvs } from './memory-kvs';

/**
 * The admin use cases over the real site emulator: the host is called with the app identity
 * (as Forge does), other sites with Basic email:token read from the secrets at call time. The
 * transport is the only stand-in; everything from the resolver dispatch down is the product code.
 */
function emulatorClient(emu: SiteEmulator, ds: DataSource, product: Product, auth: () => Promise<Record<string, string>>): SiteClient | undefined {
  const baseUrl = product === 'jira' ? ds.jiraUrl : ds.confluenceUrl;
  if (!baseUrl) return undefined;
  const siteHost = new URL(baseUrl).hostname;
  // The same base the app's clients use: the site, or the API gateway for a scoped token.
  const apiBase = ds.kind === 'host' ? new URL(baseUrl).origin : apiBaseUrl(ds, product);
  if (!apiBase) return undefined;
  const api = new URL(apiBase);
  return {
    dataSourceId: ds.id,
    product,
    baseUrl,
    async request(method, path, body): Promise<SiteResponse> {
      const headers = await auth();
      if (api.hostname === siteHost && !emu.siteNames.includes(siteHost.split('.')[0])) throw new UnreachableError(`${siteHost} could not be reached`);
      const res = await fetch(emu.baseUrl + api.pathname.replace(/\/$/, '') + path, {
        method,
        headers: { ...headers, 'x-forwarded-host': api.hostname, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return res;
    },
  };
}

export interface RecordingSync extends SyncPort {
  started: Parameters<SyncPort['start']>[0][];
  runs: SyncRunView[];
}

export function recordingSync(): RecordingSync {
  const started: RecordingSync['started'] = [];
  const runs: SyncRunView[] = [];
  return {
    started,
    runs,
    async start(input) {
      started.push(input);
      return [`run-${started.length}`];
    },
    running: async () => runs.filter((r) => r.status === 'running'),
    cancel: async (id) => runs.some((r) => r.id === id && r.status === 'running'),
    history: async (limit) => runs.slice(0, limit),
  };
}

export async function startAdminEnv(opts: { sites?: SiteFixture[]; now?: Date } = {}) {
  const emu = await createSiteEmulator({ sites: opts.sites ?? [hostSite(), globexSite(opts.now)] });
  const kvs = createMemoryKvs();
  const now = () => opts.now ?? new Date();
  const config = createConfigRepository(kvs, now);
  const sync = recordingSync();
  let seq = 0;
  let caller: string | undefined;
  const hostDs: DataSource = { id: 'host', kind: 'host', name: 'acme', enabled: true, jiraUrl: 'https://acme.atlassian.net', createdAt: '', updatedAt: '' };
  const deps: AdminDeps = {
    config,
    clientFor: (ds, product) =>
      emulatorClient(emu, ds, product, async (): Promise<Record<string, string>> => {
        if (ds.kind === 'host') return { 'x-forge-identity': 'app' };
        const c = await config.getCredentials(ds.id, product);
        return { authorization: `Basic ${Buffer.from(`${c.email}:${c.token}`).toString('base64')}` };
      }),
    cloudIdOf: async (origin) => {
      const host = new URL(origin).hostname;
      if (!emu.siteNames.includes(host.split('.')[0])) throw new UnreachableError(`${host} could not be reached`);
      return getTenantCloudId({
        dataSourceId: 'anonymous',
        product: 'jira',
        baseUrl: origin,
        request: (method, path) => fetch(emu.baseUrl + path, { method, headers: { 'x-forwarded-host': host } }),
      });
    },
    hostJira: () => emulatorClient(emu, hostDs, 'jira', async () => ({ 'x-forge-identity': 'app' }))!,
    // As Forge's asUser(): the site answers for the account that invoked the resolver.
    hostJiraAsCaller: () => emulatorClient(emu, hostDs, 'jira', async (): Promise<Record<string, string>> => (caller ? { 'x-forge-identity': `user:${caller}` } : {}))!,
    sync,
    now,
    newId: (prefix) => `${prefix}-${++seq}`,
  };
  /** `null` calls without an account (an app or anonymous invocation). */
  const call = (key: string, payload: unknown, accountId: string | null = 'u-admin') => {
    caller = accountId ?? undefined;
    return adminResolverDefinition.dispatch(key, payload, { accountId: caller, siteUrl: 'https://acme.atlassian.net' }, deps);
  };
  return { emu, kvs, config, deps, sync, call, close: () => emu.close() };
}
export type AdminEnv = Awaited<ReturnType<typeof startAdminEnv>>;
