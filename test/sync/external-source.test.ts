import type { LocalPlatform } from '../../local/platform';
import { startTestPlatform } from '../helpers/test-platform';
import { seedFromFixture } from '../../local/cli/sync/seed';
import { diffActivities } from '../oracle/diff-activities';
import { expectedActivities } from '../oracle/expected-activities';
import { connectOtherSite, DAY, inApp, siteEndingNow, stored, sync } from './helpers';

jest.setTimeout(240_000);

/**
 * Another Cloud site reached with an email and API token (the token read from KVS secrets at
 * call time). When the token is revoked, that source is marked failing with the reason, its
 * stored activity stays, and the host site keeps syncing.
 */
describe('an external data source', () => {
  const host = siteEndingNow({ seed: 51, issues: 40, pages: 10, users: 5 });
  const other = siteEndingNow({ seed: 52, name: 'globex', issues: 50, pages: 12, users: 5, apiTokenUsers: 1 });
  const connector = other.users.find((u) => u.apiToken)!;
  let platform: LocalPlatform;
  const mapping = new Map<string, string>();

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [host, other] });
    await inApp(platform, async (d) => {
      const everyone = { ...host, teammates: [...host.users, ...other.users].map((u) => ({ name: u.displayName, accountId: u.accountId })) };
      const seeded = await seedFromFixture(d.config, everyone, { mappedAt: new Date(Date.now() - DAY).toISOString() });
      for (const [k, v] of seeded.mapping) mapping.set(k, v);
      await connectOtherSite(d, other, connector);
    });
  });
  afterAll(() => platform.close());

  it('syncs with the API token, equal to the oracle for that site', async () => {
    const runs = await sync(platform, { reason: 'scheduled' });
    expect(runs.map((r) => [r.dataSourceId, r.status]).sort()).toEqual([['globex', 'succeeded'], ['host', 'succeeded']]);
    const untilMs = Date.now();
    const expected = expectedActivities(other, { dataSourceId: 'globex', siteUrl: 'https://globex.atlassian.net', mapping, since: untilMs - 90 * DAY, until: untilMs });
    const diff = diffActivities(expected, await stored(platform, 'globex'));
    if (!diff.equal) throw new Error(diff.report(10));
    expect(expected.length).toBeGreaterThan(50);
    // The token lives in secrets only: not in plain values, data source documents or runs.
    const dump = platform.kvs.dump();
    expect(JSON.stringify([dump.plain, dump.entities])).not.toContain(connector.apiToken!);
    expect(Object.values(dump.secrets)).toContain(connector.apiToken);
  });

  it('a revoked token marks the source failing, keeps its data, and the host keeps syncing', async () => {
    const before = await stored(platform, 'globex');
    platform.sites!.site('globex').revokeToken(connector.email);
    const hostIssue = platform.sites!.site(host.name).fixture.issues.find((i) => !i.deletedAt)!;
    platform.sites!.site(host.name).addComment(hostIssue.key, { authorId: [...mapping.keys()][0], text: 'still here' });
    const runs = await sync(platform, { reason: 'scheduled' });
    const byId = new Map(runs.map((r) => [r.dataSourceId, r]));
    expect(byId.get('host')!.status).toBe('succeeded');
    expect(byId.get('globex')!.status).toBe('failed');
    expect(byId.get('globex')!.errors[0]).toMatchObject({ code: 'AUTH_FAILED' });
    const ds = await inApp(platform, (d) => d.config.getDataSource('globex'));
    expect(ds!.failing).toMatchObject({ code: 'AUTH_FAILED' });
    expect(await stored(platform, 'globex')).toEqual(before);
    expect((await stored(platform, 'host')).some((a) => a.entity.key === hostIssue.key && Date.now() - Date.parse(a.at) < 60_000)).toBe(true);
  });

  it('a token no longer stored fails the run with a clear reason and marks the source failing', async () => {
    const before = await stored(platform, 'globex');
    await inApp(platform, async (d) => {
      await d.config.clearFailing('globex');
      await d.config.clearDataSourceToken('globex', 'jira');
    });
    const runs = await sync(platform, { reason: 'scheduled', dataSourceId: 'globex' });
    expect(runs[0].status).toBe('failed');
    const clear = { code: 'AUTH_FAILED', message: expect.stringMatching(/API token .*stored.*admin page/) };
    expect(runs[0].errors[0]).toMatchObject(clear);
    const ds = await inApp(platform, (d) => d.config.getDataSource('globex'));
    expect(ds!.failing).toMatchObject(clear);
    expect(await stored(platform, 'globex')).toEqual(before);
  });
});
