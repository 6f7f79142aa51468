import type { LocalPlatform } from '../../local/platform';
import type { AdminDeps } from '../../src/admin/deps';
import { saveTeammate } from '../../src/admin/teammate-service';
import { composeAdminDeps } from '../../src/entry/admin/compose';
import { startTestPlatform } from '../helpers/test-platform';
import { hostSite } from './helpers/sites';

type Save = Parameters<typeof saveTeammate>[1];

/**
 * A save looks typed account IDs up on the sites before it writes. Another save that lands
 * meanwhile must be neither lost nor duplicated: the second save is made here, deterministically,
 * while the first one's lookup is on its way.
 */
describe('a teammate save while another one lands', () => {
  let platform: LocalPlatform;
  beforeEach(async () => {
    platform = await startTestPlatform({ sites: [hostSite()] });
    // The admin page's first call connects the host site as a data source.
    await platform.runtime.invokeResolver('admin-resolver', 'sources/list', {}, { accountId: 'u-admin' });
  });
  afterEach(() => platform.close());

  /** Runs `first`; during its first account lookup, runs `meanwhile` to the end. */
  async function interleaved(first: Save, meanwhile: Save) {
    const out = await platform.runtime.runInContext({ key: 'test-save-race' }, async () => {
      const deps = composeAdminDeps(platform.runtime.hostSiteUrl);
      let other: Awaited<ReturnType<typeof saveTeammate>> | undefined;
      const racing: AdminDeps = {
        ...deps,
        clientFor: (ds, product) => {
          const client = deps.clientFor(ds, product);
          if (!client) return client;
          return {
            ...client,
            request: async (method, path, body) => {
              if (!other && path.startsWith('/rest/api/3/user?')) other = await saveTeammate(deps, meanwhile);
              return client.request(method, path, body);
            },
          };
        },
      };
      const mine = await saveTeammate(racing, first);
      return { mine, other, list: (await deps.config.getTeammates()).teammates };
    });
    expect(out.record.status).toBe('ok');
    return out.result!;
  }

  it('keeps the teammate the other save added', async () => {
    const { mine, other, list } = await interleaved(
      { name: 'Rita', externalIds: [{ dataSourceId: '*', type: 'accountId', value: 'u-rita' }] },
      { name: 'Lee', externalIds: [{ dataSourceId: '*', type: 'accountId', value: 'u-lead' }] },
    );
    expect(other?.ok).toBe(true);
    expect(mine.ok).toBe(true);
    expect(list.map((t) => t.name).sort()).toEqual(['Lee', 'Rita']);
  });

  it('refuses the same person added by the other save meanwhile, naming them', async () => {
    const { mine, other, list } = await interleaved(
      { name: 'Rita', externalIds: [{ dataSourceId: '*', type: 'accountId', value: 'u-rita' }] },
      { name: 'Rita Reviewer', externalIds: [{ dataSourceId: '*', type: 'accountId', value: 'u-rita' }] },
    );
    expect(other?.ok).toBe(true);
    expect(mine).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('already added as Rita Reviewer') } });
    expect(list.map((t) => t.name)).toEqual(['Rita Reviewer']);
  });
});
