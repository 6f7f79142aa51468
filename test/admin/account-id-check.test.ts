import { checkTypedAccounts, lookUpAccount, MAX_ACCOUNT_LOOKUPS } from '../../src/admin/account-id-check';
import type { DataSource } from '../../src/domain/config';
import { UnreachableError } from '../../src/sources/errors';
import type { SiteClient } from '../../src/sources/site-client';
import { scriptedClient, type Scripted } from '../sources/fake-site-client';

/** The account check with a scripted site: what each answer means, and what is asked. */
const PICTURE = 'https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/u-1/5f0c/128?size=48&s=48';
const user = (accountId: string, avatar = PICTURE) => ({ accountId, displayName: 'Una', accountType: 'atlassian', avatarUrls: { '48x48': avatar, '16x16': avatar } });

const source = (id: string, over: Partial<DataSource> = {}): DataSource => ({
  id,
  kind: id === 'host' ? 'host' : 'cloud',
  name: id === 'host' ? 'acme.atlassian.net' : id,
  enabled: true,
  jiraUrl: `https://${id}.atlassian.net`,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  ...(id === 'host' ? {} : { tokenKind: 'classic' as const }),
  ...over,
});

describe('looking up one account ID', () => {
  it('reads a found user, asking for exactly that ID, encoded', async () => {
    const { client, log } = scriptedClient([{ body: user('712020:ab/c') }]);
    expect(await lookUpAccount(client, '712020:ab/c')).toEqual({ status: 'found', avatar: { accountId: '712020:ab/c', url: PICTURE } });
    expect(log).toEqual([{ method: 'GET', path: '/rest/api/3/user?accountId=712020%3Aab%2Fc' }]);
  });

  it('keeps no picture that is not on an Atlassian avatar host', async () => {
    const { client } = scriptedClient([{ body: user('u-1', 'https://acme.atlassian.net/secure/useravatar?ownerId=u-1') }]);
    expect(await lookUpAccount(client, 'u-1')).toEqual({ status: 'found' });
  });

  it('calls only a 404 "not found"; anything else the site could not say', async () => {
    const cases: [Scripted, string][] = [
      [{ status: 404, body: { errorMessages: ['Specified user does not exist or you do not have required permissions'] } }, 'not-found'],
      [{ status: 401 }, 'unknown'],
      [{ status: 403 }, 'unknown'],
      [{ status: 429, headers: { 'retry-after': '30' } }, 'unknown'],
      [{ status: 500 }, 'unknown'],
      [{ status: 503 }, 'unknown'],
      [{ throws: new UnreachableError() }, 'unknown'],
      [{ text: '{"accountId": "u-' }, 'unknown'],
      [{ body: { displayName: 'no id' } }, 'unknown'],
      // Jira's id for a corrupted record: not the person asked about.
      [{ body: user('unknown') }, 'unknown'],
    ];
    for (const [answer, status] of cases) {
      const { client } = scriptedClient([answer]);
      expect([answer, (await lookUpAccount(client, 'u-1')).status]).toEqual([answer, status]);
    }
  });
});

describe('checking the typed account IDs of a save', () => {
  /** Each source's site answers from its own script; every request is logged with its source. */
  function sites(scripts: Record<string, Scripted[]>) {
    const asked: string[] = [];
    const clientFor = (ds: DataSource): SiteClient | undefined => {
      if (!scripts[ds.id]) return undefined;
      const { client } = scriptedClient([]);
      return {
        ...client,
        request: async (method, path, body) => {
          asked.push(`${ds.id} ${new URLSearchParams(path.split('?')[1]).get('accountId')}`);
          const next = scripts[ds.id].shift();
          if (!next) throw new Error(`unscripted request to ${ds.id}`);
          return scriptedClient([next]).client.request(method, path, body);
        },
      };
    };
    return { asked, deps: { clientFor } };
  }
  const row = (n: number, value: string, dataSourceId = '*') => ({ row: n, id: { dataSourceId, type: 'accountId' as const, value } });
  const notFound = { status: 404 };

  it('refuses only when every source it applies to says 404, naming them', async () => {
    const { asked, deps } = sites({ host: [notFound, notFound], globex: [notFound, { status: 503 }] });
    const r = await checkTypedAccounts(deps, [row(0, 'u-typo'), row(3, 'u-maybe')], [source('host'), source('globex', { name: 'Globex' })]);
    expect(r).toEqual({ problems: [{ row: 0, message: 'No user with this account ID is visible on acme.atlassian.net or Globex: check it, or map the person by email.' }] });
    expect(asked).toEqual(['host u-typo', 'globex u-typo', 'host u-maybe', 'globex u-maybe']);
  });

  it('takes the host site\'s picture first, and asks only enabled sources the ID applies to', async () => {
    const other = PICTURE.replace('u-1', 'u-2');
    const { asked, deps } = sites({ host: [{ body: user('u-1') }], globex: [{ body: user('u-1', other) }], off: [] });
    const r = await checkTypedAccounts(deps, [row(0, 'u-1')], [source('globex'), source('host'), source('off', { enabled: false })]);
    expect(r).toEqual({ problems: [], avatar: { accountId: 'u-1', url: PICTURE } });
    expect(asked).toEqual(['globex u-1', 'host u-1']);
  });

  it('saves unchecked what it cannot ask: no client, or past the limit of lookups per save', async () => {
    const many = Array.from({ length: MAX_ACCOUNT_LOOKUPS + 3 }, (_, i) => row(i, `u-${i}`, 'host'));
    const { asked, deps } = sites({ host: many.map(() => notFound) });
    const r = await checkTypedAccounts(deps, many, [source('host')]);
    expect(asked).toHaveLength(MAX_ACCOUNT_LOOKUPS);
    expect(r.problems.map((p) => p.row)).toEqual(many.slice(0, MAX_ACCOUNT_LOOKUPS).map((x) => x.row));
    const none = sites({});
    expect(await checkTypedAccounts(none.deps, [row(0, 'u-1')], [source('host')])).toEqual({ problems: [] });
  });

  it('asks once about an ID listed for one source and for all', async () => {
    const { asked, deps } = sites({ host: [notFound] });
    const r = await checkTypedAccounts(deps, [row(0, 'u-typo'), row(1, 'u-typo', 'host')], [source('host')]);
    expect(r.problems.map((p) => p.row)).toEqual([0, 1]);
    expect(asked).toEqual(['host u-typo']);
  });
});
