import type { LocalPlatform } from '../../local/platform';
import { startTestPlatform } from '../helpers/test-platform';
import { GLOBEX_TOKEN, globexSite, globexSource, hostSite } from './helpers/sites';

/**
 * A typed account ID is looked up on the sites it applies to when a teammate is saved, through the
 * admin resolver on the local platform (real @forge/resolver, @forge/kvs and @forge/api against
 * the emulated host site and another site reached with an API token).
 */
const PICTURE = (who: string) => `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/${who}/5f0c/128`;
const at48 = (who: string) => `${PICTURE(who)}?size=48&s=48`;
const HOST = 'acme.atlassian.net';

type View = { id: string; name: string; externalIds: { dataSourceId: string; type: string; value: string }[]; avatar?: { accountId: string; url: string } };
type Refusal = { ok: false; error: { code: string; message: string; field?: string; fields?: { field: string; message: string }[] } };

describe('typed account IDs are checked on the sites', () => {
  let platform: LocalPlatform;
  let globex = '';
  const invoke = (key: string, payload: unknown) => platform.runtime.invokeResolver('admin-resolver', key, payload, { accountId: 'u-admin' });
  const saved = async (payload: unknown): Promise<View> => {
    const r = (await invoke('teammates/save', payload)) as { ok: boolean; data?: { teammate: View }; error?: { message: string } };
    if (!r.ok || !r.data) throw new Error(`refused: ${r.error?.message}`);
    return r.data.teammate;
  };
  const stored = () => JSON.stringify(platform.kvs.dump().plain);
  /** The user lookups the sites were asked for since the log was last reset, as "site accountId". */
  const lookups = () =>
    platform.sites!.requestLog.filter((e) => e.endpoint === 'GET /rest/api/3/user').map((e) => `${e.site} ${new URL(e.path, 'https://x').searchParams.get('accountId')}`);
  const typed = (value: string, dataSourceId = '*') => ({ dataSourceId, type: 'accountId', value });

  beforeEach(async () => {
    const site = hostSite();
    for (const u of site.users) if (u.accountId === 'u-lead' || u.accountId === 'u-rita') u.avatarUrl = PICTURE(u.accountId);
    platform = await startTestPlatform({ sites: [site, globexSite()] });
    const r = (await invoke('sources/save', globexSource())) as { ok: true; data: { source: { id: string } } };
    globex = r.data.source.id;
    platform.sites!.resetLog();
  });
  afterEach(() => platform.close());

  it('saves an ID a site knows, with that person\'s picture, after asking every site it applies to', async () => {
    const rita = await saved({ name: 'Rita', externalIds: [typed('u-rita')] });
    expect(rita.externalIds).toEqual([{ dataSourceId: '*', type: 'accountId', value: 'u-rita' }]);
    expect(rita.avatar).toEqual({ accountId: 'u-rita', url: at48('u-rita') });
    expect(stored()).toContain(at48('u-rita'));
    // Known on the host only: Globex answering 404 does not refuse it.
    expect(lookups()).toEqual(['acme u-rita', 'globex u-rita']);

    // Known on Globex only (an ID is the same on every site): saved, asked of Globex alone.
    platform.sites!.resetLog();
    const sam = await saved({ name: 'Sam', externalIds: [typed('g-sam', globex)] });
    expect(sam.externalIds[0].value).toBe('g-sam');
    expect(lookups()).toEqual(['globex g-sam']);
  });

  it('keeps no picture another site gave: that site is read with an admin\'s token, not as the app', async () => {
    const sam = platform.sites!.site('globex').raw.users.find((u) => u.accountId === 'g-sam')!;
    sam.avatarUrl = PICTURE('g-sam');
    const t = await saved({ name: 'Sam', externalIds: [typed('g-sam', globex)] });
    expect(lookups()).toEqual(['globex g-sam']);
    expect(t).not.toHaveProperty('avatar');
    expect(stored()).not.toContain(PICTURE('g-sam'));
  });

  it('keeps a picture that belongs to another of the teammate\'s accounts', async () => {
    const t = await saved({ name: 'Rita', externalIds: [{ dataSourceId: 'host', type: 'email', value: 'rita@acme.test' }, typed('u-lead', 'host')] });
    expect(t.avatar).toEqual({ accountId: 'u-rita', url: at48('u-rita') });
    // Without the email, Rita's picture goes; the ID now for every source is asked about again and brings its own.
    platform.sites!.resetLog();
    const edited = await saved({ id: t.id, name: 'Rita', externalIds: [typed('u-lead')] });
    expect(edited.avatar).toEqual({ accountId: 'u-lead', url: at48('u-lead') });
    expect(lookups()).toEqual(['acme u-lead', 'globex u-lead']);
  });

  it('refuses an ID no site knows at its row, with every other problem, and stores nothing', async () => {
    const before = stored();
    const r = (await invoke('teammates/save', {
      name: ' ',
      externalIds: [typed('u-rita'), typed('u-ritta'), typed('g-sam', 'host'), typed('g-sam', globex)],
    })) as Refusal;
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'name' } });
    expect(r.error.fields).toEqual([
      { field: 'name', message: 'Enter a name.' },
      { field: 'externalIds.1.value', message: `No user with this account ID is visible on ${HOST} or Globex: check it, or map the person by email.` },
      { field: 'externalIds.2.value', message: `No user with this account ID is visible on ${HOST}: check it, or map the person by email.` },
    ]);
    expect(stored()).toBe(before);

    const typo = (await invoke('teammates/save', { name: 'Rita', externalIds: [typed('u-ritta', 'host')] })) as Refusal;
    expect(typo.error).toEqual({ code: 'BAD_REQUEST', field: 'externalIds.0.value', message: `No user with this account ID is visible on ${HOST}: check it, or map the person by email.` });
    expect(stored()).toBe(before);
  });

  it('saves the ID as typed when a site cannot answer: server error, rate limit, dropped connection', async () => {
    const faults = platform.sites!.faults;
    faults.add({ match: { site: 'acme', pathPrefix: '/rest/api/3/user' }, type: 'status5xx', status: 503 });
    const a = await saved({ name: 'A', externalIds: [typed('u-nobody-a')] });
    expect(a.externalIds[0].value).toBe('u-nobody-a');
    expect(a).not.toHaveProperty('avatar');

    faults.clear();
    faults.add({ match: { site: 'globex', pathPrefix: '/rest/api/3/user' }, type: 'status429', retryAfterSec: 30 });
    expect((await saved({ name: 'B', externalIds: [typed('u-nobody-b', globex)] })).externalIds[0].value).toBe('u-nobody-b');

    faults.clear();
    faults.add({ match: { site: 'acme', pathPrefix: '/rest/api/3/user' }, type: 'drop' });
    expect((await saved({ name: 'C', externalIds: [typed('u-nobody-c', 'host')] })).externalIds[0].value).toBe('u-nobody-c');

    // Every one of them was asked: saved because the site could not say, not because it was skipped.
    expect(lookups()).toEqual(['acme u-nobody-a', 'globex u-nobody-a', 'globex u-nobody-b', 'acme u-nobody-c']);
    for (const id of ['u-nobody-a', 'u-nobody-b', 'u-nobody-c']) expect(stored()).toContain(id);
  });

  it('does not ask again about an ID that did not change, and asks about one that now applies elsewhere', async () => {
    const lee = await saved({ name: 'Lee', externalIds: [typed('u-lead')] });
    platform.sites!.resetLog();
    // Were the sites asked, they would fail: an edit that keeps the ID does not depend on them.
    platform.sites!.faults.add({ match: { pathPrefix: '/rest/api/3/user' }, type: 'status5xx', status: 500 });
    const renamed = await saved({ id: lee.id, name: 'Lee L.', externalIds: [typed('u-lead')] });
    expect(renamed.avatar).toEqual({ accountId: 'u-lead', url: at48('u-lead') });
    expect(lookups()).toEqual([]);

    platform.sites!.faults.clear();
    await saved({ id: lee.id, name: 'Lee L.', externalIds: [typed('u-lead', 'host'), typed('g-sam', globex)] });
    expect(lookups()).toEqual(['acme u-lead', 'globex g-sam']);
  });

  it('keeps the token in the secrets: it is in no response, log line or stored value', async () => {
    const r = await invoke('teammates/save', { name: 'X', externalIds: [typed('u-ritta', globex)] });
    expect(r).toMatchObject({ ok: false, error: { field: 'externalIds.0.value' } });
    const logs = JSON.stringify(platform.runtime.invocations.map((i) => (i as { console?: unknown }).console ?? []));
    for (const text of [JSON.stringify(r), logs, stored()]) expect(text).not.toContain(GLOBEX_TOKEN);
  });
});
