import { join } from 'node:path';
import { kvs, Sort, WhereConditions } from '@forge/kvs';
import { type LocalPlatform, startLocalPlatform } from '../../local/platform';

// The app's own manifest.yml: its entities and indexes are what the emulator enforces.
let p: LocalPlatform;
beforeAll(async () => { p = await startLocalPlatform({ sites: [], appDir: join(__dirname, '..', '..'), echoConsole: false }); });
afterAll(async () => { await p.close(); });

describe('the app manifest on the local KVS', () => {
  it('stores activity entities and queries the by-teammate-time index newest first', async () => {
    const base = { dataSourceId: 'host', source: 'jira', kind: 'jira.comment', accountId: 'acc-1', day: '2026-11-02', containerKey: 'ACME', entityKey: 'ACME-1', doc: { any: ['shape'] } };
    await kvs.batchSet([
      { key: 'a1', entityName: 'activity', value: { ...base, teammateId: 'tm-1', atSec: 1_793_000_000 } },
      { key: 'a2', entityName: 'activity', value: { ...base, teammateId: 'tm-1', atSec: 1_793_000_100 } },
      { key: 'a3', entityName: 'activity', value: { ...base, teammateId: 'tm-2', atSec: 1_793_000_050 } },
    ] as never);
    const page = await kvs.entity('activity').query().index('by-teammate-time', { partition: ['tm-1'] })
      .where(WhereConditions.greaterThanEqualTo(1_793_000_000)).sort(Sort.DESC).getMany();
    expect(page.results.map((r) => r.key)).toEqual(['a2', 'a1']);
  });

  it('rejects epoch milliseconds in the 32-bit atSec attribute', async () => {
    const err = await kvs.entity('activity').set('bad', { atSec: Date.now() }).catch((e: unknown) => e as { code: string });
    expect(err).toMatchObject({ code: 'INVALID_ATTRIBUTE_VALUE' });
  });

  it('knows the resolver modules and the egress allow-list of the real app', () => {
    expect(p.runtime.info.appId).toBe('6f0c2a57-3b7e-4d51-9a1e-5c0b8e2f7a10');
    expect(p.runtime.info.permissions.scopes).toContain('storage:app');
    // Scoped API tokens of other sites are only accepted through Atlassian's API gateway.
    const backend = (p.runtime.info.permissions.external as { fetch?: { backend?: { address?: string }[] } }).fetch?.backend ?? [];
    expect(backend.map((e) => e.address)).toEqual(expect.arrayContaining(['*.atlassian.net', 'api.atlassian.com']));
  });
});
