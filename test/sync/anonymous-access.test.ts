import type { LocalPlatform } from '../../local/platform';
import { seedFromFixture } from '../../local/cli/sync/seed';
import { startTestPlatform } from '../helpers/test-platform';
import { STREAM_IDS } from '../../src/domain/stream-id';
import { connectOtherSite, DAY, inApp, siteEndingNow, stored, sync } from './helpers';

jest.setTimeout(240_000);

/**
 * A site that allows anonymous access answers a bad or revoked API token as the anonymous user:
 * 200 and empty results (Jira adds X-Seraph-LoginReason: AUTHENTICATED_FAILED). Every run asks
 * each product who the token belongs to first; an anonymous answer fails the run with
 * "Authentication failed", moves no watermark and deletes nothing.
 */
describe('a bad token on a site that allows anonymous access', () => {
  const host = siteEndingNow({ seed: 61, issues: 10, pages: 0, users: 4 });
  const other = { ...siteEndingNow({ seed: 62, name: 'initech', issues: 50, pages: 12, users: 5, apiTokenUsers: 1 }), anonymousAccess: true };
  const connector = other.users.find((u) => u.apiToken)!;
  let platform: LocalPlatform;
  const log = () => platform.sites!.requestLog.filter((e) => e.site === 'initech');
  const cursors = () => inApp(platform, (d) => Promise.all(STREAM_IDS.map((s) => d.cursors.get('initech', s))));

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [host, other] });
    await inApp(platform, async (d) => {
      const everyone = { ...host, teammates: [...host.users, ...other.users].map((u) => ({ name: u.displayName, accountId: u.accountId })) };
      await seedFromFixture(d.config, everyone, { mappedAt: new Date(Date.now() - DAY).toISOString() });
      await connectOtherSite(d, other, connector);
    });
  });
  afterAll(() => platform.close());

  it('a good token: the identity is asked once per product per invocation', async () => {
    const before = log().length;
    const runs = await sync(platform, { reason: 'scheduled', dataSourceId: 'initech' });
    expect(runs[0].status).toBe('succeeded');
    const calls = log().slice(before).map((e) => e.endpoint);
    expect(calls.filter((c) => c === 'GET /rest/api/3/myself')).toHaveLength(runs[0].invocations);
    expect(calls.filter((c) => c === 'GET /wiki/rest/api/user/current')).toHaveLength(runs[0].invocations);
    expect((await stored(platform, 'initech')).length).toBeGreaterThan(20);
  });

  it('the emulator answers a revoked token as the real site does', async () => {
    platform.sites!.site('initech').revokeToken(connector.email);
    const auth = `Basic ${Buffer.from(`${connector.email}:${connector.apiToken!}`).toString('base64')}`;
    const call = (path: string, init: RequestInit = {}) =>
      fetch(platform.sites!.baseUrl + path, { ...init, headers: { authorization: auth, 'x-forwarded-host': 'initech.atlassian.net', 'content-type': 'application/json' } });
    const search = await call('/rest/api/3/search/jql', { method: 'POST', body: JSON.stringify({ jql: 'updated >= 0' }) });
    expect(search.status).toBe(200);
    expect(search.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATED_FAILED');
    expect(await search.json()).toMatchObject({ issues: [] });
    const me = await call('/rest/api/3/myself');
    expect(me.status).toBe(401);
    const current = await call('/wiki/rest/api/user/current');
    expect(current.status).toBe(200);
    expect(await current.json()).toMatchObject({ type: 'anonymous' });
  });

  it('a scheduled run fails with "Authentication failed", moves no watermark and marks the source failing', async () => {
    const storedBefore = await stored(platform, 'initech');
    const cursorsBefore = await cursors();
    const before = log().length;
    const [run] = await sync(platform, { reason: 'scheduled', dataSourceId: 'initech' });
    expect(run.status).toBe('failed');
    expect(run.errors[0]).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringMatching(/^Authentication failed/) });
    // Both products are asked who the token is, side by side; no stream reads anything.
    expect(log().slice(before).map((e) => e.endpoint).sort()).toEqual(['GET /rest/api/3/myself', 'GET /wiki/rest/api/user/current']);
    expect(await cursors()).toEqual(cursorsBefore);
    expect(await stored(platform, 'initech')).toEqual(storedBefore);
    const ds = await inApp(platform, (d) => d.config.getDataSource('initech'));
    expect(ds!.failing).toMatchObject({ code: 'AUTH_FAILED' });
  });

  it('a sweep run deletes nothing', async () => {
    const storedBefore = await stored(platform, 'initech');
    const [run] = await sync(platform, { reason: 'sweep', dataSourceId: 'initech' });
    expect(run.status).toBe('failed');
    expect(run.deleted).toBe(0);
    expect(await stored(platform, 'initech')).toEqual(storedBefore);
  });

  it('a Confluence token answered as anonymous fails the run too', async () => {
    const site = platform.sites!.site('initech');
    const fresh = 'fresh-token-for-jira';
    site.raw.users.find((u) => u.accountId === connector.accountId)!.apiToken = fresh;
    site.raw.users.find((u) => u.accountId === connector.accountId)!.active = true;
    site.reindex();
    const cursorsBefore = await cursors();
    await inApp(platform, async (d) => {
      await d.config.clearFailing('initech');
      await d.config.setDataSourceToken('initech', 'jira', fresh);
      await d.config.setDataSourceToken('initech', 'confluence', 'not-a-token');
    });
    const [run] = await sync(platform, { reason: 'scheduled', dataSourceId: 'initech' });
    expect(run.status).toBe('failed');
    expect(run.errors[0]).toMatchObject({ code: 'AUTH_FAILED' });
    expect(await cursors()).toEqual(cursorsBefore);
  });
});
