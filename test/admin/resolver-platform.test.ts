import { startLocalPlatform, type LocalPlatform } from '../../local/platform';
import { GLOBEX_TOKEN, globexSite, hostSite } from './helpers/sites';

/**
 * The admin resolver as Forge runs it: manifest handler → @forge/resolver → @forge/kvs and
 * @forge/api against the local platform. Checks what only the real stack can show: where a
 * token ends up in KVS, and that it appears in no response or log line.
 */
describe('admin resolver on the local platform', () => {
  let platform: LocalPlatform;
  const invoke = (key: string, payload: unknown, accountId = 'u-admin') => platform.runtime.invokeResolver('admin-resolver', key, payload, { accountId });

  beforeAll(async () => {
    platform = await startLocalPlatform({ sites: [hostSite(), globexSite()], echoConsole: false });
  });
  afterAll(() => platform.close());

  it('stores the token as a KVS secret only, and it never appears in a response or a log line', async () => {
    const saved = await invoke('sources/save', { name: 'Globex', enabled: true, jiraUrl: 'https://globex.atlassian.net/jira/your-work', jiraEmail: 'gina@globex.test', jiraToken: GLOBEX_TOKEN });
    expect(saved).toMatchObject({ ok: true, data: { source: { jiraUrl: 'https://globex.atlassian.net', jiraTokenSetAt: expect.any(String) } } });
    const tested = await invoke('sources/test', { id: (saved as { data: { source: { id: string } } }).data.source.id });
    expect(tested).toMatchObject({ ok: true, data: { jira: { status: 'ok', connectedAs: { displayName: 'Gina Owner' } } } });
    const listed = await invoke('sources/list', {});

    const dump = platform.kvs.dump();
    expect(Object.values(dump.secrets)).toContain(GLOBEX_TOKEN);
    expect(JSON.stringify(dump.plain)).not.toContain(GLOBEX_TOKEN);
    expect(JSON.stringify(dump.entities)).not.toContain(GLOBEX_TOKEN);
    for (const r of [saved, tested, listed]) expect(JSON.stringify(r)).not.toContain(GLOBEX_TOKEN);
    const logs = JSON.stringify(platform.runtime.invocations.map((i) => (i as { console?: unknown }).console ?? []));
    expect(logs).not.toContain(GLOBEX_TOKEN);
  });

  it('lists the host site first, using the site URL from the invocation context', async () => {
    const r = (await invoke('sources/list', {})) as { ok: boolean; data: { sources: { id: string; jiraUrl: string }[] } };
    expect(r.data.sources[0]).toMatchObject({ id: 'host', jiraUrl: 'https://acme.atlassian.net' });
  });

  it('refuses a non-administrator through the real resolver too', async () => {
    expect(await invoke('settings/get', {}, 'u-lead')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers a payload error as a Result, not a thrown error', async () => {
    expect(await invoke('sources/save', { jiraUrl: 42 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
