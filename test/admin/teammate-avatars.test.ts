import type { LocalPlatform } from '../../local/platform';
import type { FixtureUser } from '../../local/site/fixture-schema';
import { startTestPlatform } from '../helpers/test-platform';
import { hostSite } from './helpers/sites';

/**
 * Teammates keep the picture of the Jira user they are mapped to, through the admin resolver on
 * the local platform (real @forge/resolver, @forge/kvs and @forge/api against the emulated site):
 * only a URL on an Atlassian avatar host is stored, and a picture leaves with its account.
 */
const PICTURE = (who: string) => `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/${who}/5f0c/128`;
const at48 = (who: string) => `${PICTURE(who)}?size=48&s=48`;

describe('teammate pictures on the local platform', () => {
  let platform: LocalPlatform;
  const invoke = (key: string, payload: unknown) => platform.runtime.invokeResolver('admin-resolver', key, payload, { accountId: 'u-admin' });
  const data = <T>(r: unknown): T => {
    expect(r).toMatchObject({ ok: true });
    return (r as { data: T }).data;
  };
  type View = { id: string; name: string; avatar?: { accountId: string; url: string } };
  const listed = async () => data<{ teammates: View[] }>(await invoke('teammates/list', {})).teammates;
  const stored = () => JSON.stringify(platform.kvs.dump().plain);
  const user = (accountId: string): FixtureUser => platform.sites!.site('acme').raw.users.find((u) => u.accountId === accountId)!;

  beforeEach(async () => {
    const site = hostSite();
    // Lee and Rita uploaded a picture; Ada keeps the site's default avatar, which is not kept.
    for (const u of site.users) if (u.accountId === 'u-lead' || u.accountId === 'u-rita') u.avatarUrl = PICTURE(u.accountId);
    platform = await startTestPlatform({ sites: [site] });
    await invoke('sources/list', {});
  });
  afterEach(() => platform.close());

  it('shows the 48x48 picture in the people search and stores it when the person is added', async () => {
    const found = data<{ users: { accountId: string; avatarUrl?: string }[] }>(await invoke('users/search', { query: 'Ri' })).users;
    expect(found).toEqual([expect.objectContaining({ accountId: 'u-rita', avatarUrl: at48('u-rita') })]);
    const ada = data<{ users: { accountId: string; avatarUrl?: string }[] }>(await invoke('users/search', { query: 'Ada' })).users;
    expect(ada[0]).not.toHaveProperty('avatarUrl');

    await invoke('teammates/add-users', { users: [{ accountId: 'u-rita', displayName: 'Rita Reviewer', avatarUrl: found[0].avatarUrl }] });
    expect(await listed()).toEqual([expect.objectContaining({ name: 'Rita Reviewer', avatar: { accountId: 'u-rita', url: at48('u-rita') } })]);
    expect(stored()).toContain(at48('u-rita'));
  });

  it('drops a picture that is not on an Atlassian avatar host, and still adds the person', async () => {
    for (const url of ['https://tracker.example.com/p.png', 'http://secure.gravatar.com/avatar/abc', 'https://acme.atlassian.net/secure/useravatar?ownerId=u-lead&size=48']) {
      const r = data<{ added: View[] }>(await invoke('teammates/add-users', { users: [{ accountId: `u-${url.length}`, displayName: `P ${url.length}`, avatarUrl: url }] }));
      expect(r.added).toHaveLength(1);
      expect(r.added[0]).not.toHaveProperty('avatar');
      expect(stored()).not.toContain(url);
    }
    // Too long for the contract: refused as a payload error, nothing stored.
    const long = await invoke('teammates/add-users', { users: [{ accountId: 'u-long', displayName: 'Long', avatarUrl: `https://secure.gravatar.com/avatar/${'a'.repeat(2000)}` }] });
    expect(long).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('stores each member\'s picture when a group is added', async () => {
    await invoke('teammates/add-group', { groupName: 'team-leads' });
    const byName = new Map((await listed()).map((t) => [t.name, t.avatar]));
    expect(byName.get('Lee Lead')).toEqual({ accountId: 'u-lead', url: at48('u-lead') });
    expect(byName.get('Rita Reviewer')).toEqual({ accountId: 'u-rita', url: at48('u-rita') });
  });

  it('takes the picture of the account an email resolves to, refreshes it on "Resolve emails again", and drops it with the identity', async () => {
    const saved = data<{ teammate: View }>(await invoke('teammates/save', { name: 'Rita', externalIds: [{ dataSourceId: 'host', type: 'email', value: 'rita@acme.test' }] })).teammate;
    expect(saved.avatar).toEqual({ accountId: 'u-rita', url: at48('u-rita') });

    // A rename keeps it (no lookup: the email already resolved).
    const renamed = data<{ teammate: View }>(await invoke('teammates/save', { id: saved.id, name: 'Rita R', externalIds: [{ dataSourceId: 'host', type: 'email', value: 'rita@acme.test' }] })).teammate;
    expect(renamed.avatar).toEqual(saved.avatar);

    // She uploads a new picture: resolving again brings it.
    user('u-rita').avatarUrl = PICTURE('u-rita-2');
    const resolved = data<{ teammates: View[] }>(await invoke('teammates/resolve', { id: saved.id })).teammates;
    expect(resolved.find((t) => t.id === saved.id)?.avatar).toEqual({ accountId: 'u-rita', url: at48('u-rita-2') });

    // The site fails while resolving again: a failed lookup proves nothing, so her account and
    // picture stay (the emulator answers every user search with 503 until the fault is cleared).
    platform.sites!.faults.add({ match: { site: 'acme', pathPrefix: '/rest/api/3/user/search' }, type: 'status5xx', status: 503 });
    const failed = data<{ teammates: View[] }>(await invoke('teammates/resolve', { id: saved.id })).teammates;
    platform.sites!.faults.clear();
    expect(platform.sites!.requestLog.some((e) => e.endpoint === 'GET /rest/api/3/user/search' && e.status === 503)).toBe(true);
    expect(failed.find((t) => t.id === saved.id)?.avatar).toEqual({ accountId: 'u-rita', url: at48('u-rita-2') });

    // Mapped to another account instead (Hugo, who has the default avatar): Rita's picture is not theirs.
    const remapped = data<{ teammate: View }>(await invoke('teammates/save', { id: saved.id, name: 'Rita R', externalIds: [{ dataSourceId: '*', type: 'accountId', value: 'u-hugo' }] })).teammate;
    expect(remapped).not.toHaveProperty('avatar');
    expect(stored()).not.toContain('u-rita-2');
  });

  it('takes the picture of the person an existing teammate is mapped to from the search ("Map here")', async () => {
    const hugo = data<{ teammate: View }>(await invoke('teammates/save', { name: 'Hugo', externalIds: [{ dataSourceId: 'host', type: 'email', value: 'hugo@acme.test' }] })).teammate;
    expect(hugo).not.toHaveProperty('avatar');
    const ids = [{ dataSourceId: 'host', type: 'email', value: 'hugo@acme.test' }];
    // A picture for an account the teammate does not have is not theirs: dropped.
    const other = data<{ teammate: View }>(await invoke('teammates/save', { id: hugo.id, name: 'Hugo', externalIds: ids, avatar: { accountId: 'u-lead', url: at48('u-lead') } })).teammate;
    expect(other).not.toHaveProperty('avatar');
    const mapped = data<{ teammate: View }>(
      await invoke('teammates/save', { id: hugo.id, name: 'Hugo', externalIds: [...ids, { dataSourceId: '*', type: 'accountId', value: 'u-hugo' }], avatar: { accountId: 'u-hugo', url: at48('u-hugo') } }),
    ).teammate;
    expect(mapped.avatar).toEqual({ accountId: 'u-hugo', url: at48('u-hugo') });
    // A later edit from the form (no picture in it) keeps it.
    const edited = data<{ teammate: View }>(await invoke('teammates/save', { id: hugo.id, name: 'Hugo H', externalIds: [...ids, { dataSourceId: '*', type: 'accountId', value: 'u-hugo' }] })).teammate;
    expect(edited.avatar).toEqual(mapped.avatar);
    const foreign = await invoke('teammates/save', { id: hugo.id, name: 'Hugo H', externalIds: [...ids, { dataSourceId: '*', type: 'accountId', value: 'u-hugo' }], avatar: { accountId: 'u-hugo', url: 'https://tracker.example.com/h.png' } });
    expect(data<{ teammate: View }>(foreign).teammate.avatar).toEqual(mapped.avatar);
  });

  it('stores no picture for someone with the site\'s default avatar', async () => {
    const ada = data<{ teammate: View }>(await invoke('teammates/save', { name: 'Ada', externalIds: [{ dataSourceId: 'host', type: 'email', value: 'ada@acme.test' }] })).teammate;
    expect(ada).not.toHaveProperty('avatar');
    expect(stored()).not.toContain('useravatar');
  });
});
