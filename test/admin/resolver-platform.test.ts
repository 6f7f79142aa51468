import type { LocalPlatform } from '../../local/platform';
import { startTestPlatform } from '../helpers/test-platform';
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
    platform = await startTestPlatform({ sites: [hostSite(), globexSite()] });
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

  describe('fetch now, progress, cancel and history with the real sync engine', () => {
    type Run = { id: string; status: string; dataSourceName: string; progress: { activities: number }; countsByKind: Record<string, number>; restCalls: number };
    const data = <T>(r: unknown) => (r as { ok: true; data: T }).data;
    const today = new Date().toISOString().slice(0, 10);
    const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    let sourceId = '';

    beforeAll(async () => {
      const list = data<{ sources: { id: string; name: string }[] }>(await invoke('sources/list', {}));
      sourceId = list.sources.find((s) => s.name === 'Globex')!.id;
      await invoke('teammates/save', { name: 'Sam', externalIds: [{ dataSourceId: sourceId, type: 'email', value: 'sam@globex.test' }] });
    });

    it('a cancelled run stops and is listed as cancelled', async () => {
      const started = data<{ runIds: string[] }>(await invoke('sources/fetch-now', { id: sourceId, since: weekAgo, until: today }));
      expect(started.runIds).toHaveLength(1);
      const status = data<{ running: Run[] }>(await invoke('sync/status', {}));
      expect(status.running.map((r) => [r.id, r.dataSourceName])).toEqual([[started.runIds[0], 'Globex']]);
      expect(await invoke('sync/cancel', { runId: started.runIds[0] })).toEqual({ ok: true, data: { cancelled: true } });
      await platform.runtime.drainQueue();
      expect(data<{ running: Run[] }>(await invoke('sync/status', {})).running).toEqual([]);
      const history = data<{ runs: Run[] }>(await invoke('sync/history', { limit: 5 }));
      expect(history.runs[0]).toMatchObject({ id: started.runIds[0], status: 'cancelled' });
      expect(await invoke('sync/cancel', { runId: started.runIds[0] })).toEqual({ ok: true, data: { cancelled: false } });
    });

    it('a run to the end reports counts by kind and REST calls, and diagnostics stop saying "never fetched"', async () => {
      await new Promise((r) => setTimeout(r, 5));
      const started = data<{ runIds: string[] }>(await invoke('sources/fetch-now', { id: sourceId, since: weekAgo, until: today }));
      for (let i = 0; i < 10 && data<{ running: Run[] }>(await invoke('sync/status', {})).running.length > 0; i++) await platform.runtime.drainQueue();
      const run = data<{ runs: Run[] }>(await invoke('sync/history', {})).runs.find((r) => r.id === started.runIds[0])!;
      expect(run.status).toBe('succeeded');
      expect(run.countsByKind['jira.comment']).toBe(3);
      expect(run.progress.activities).toBeGreaterThanOrEqual(3);
      expect(run.restCalls).toBeGreaterThan(0);
      const diag = data<{ findings: { id: string }[] }>(await invoke('sync/diagnostics', {}));
      expect(diag.findings.map((f) => f.id)).not.toContain(`never:${sourceId}`);
      expect(diag.findings.map((f) => f.id)).not.toContain(`empty:${sourceId}`);
    });
  });
});
