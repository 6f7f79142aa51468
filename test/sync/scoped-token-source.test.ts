import type { SiteFixture } from '../../local/site/fixture-schema';
import { gatewayScopes } from '../../local/site/gateway-scopes';
import { ALL_SCOPED_TOKEN_SCOPES, SCOPED_TOKEN_SCOPES } from '../../src/shared/scoped-token-scopes';
import { diffActivities } from '../oracle/diff-activities';
import { expectedActivities } from '../oracle/expected-activities';
import { driveSyncToDone, storedRuns } from '../reliability/helpers/sync-driver';
import { adminOf, installScaledTime, mapTeammates, mustAdmin, smallSite, startWorld, storedActivities } from '../reliability/helpers/world';

/**
 * A source connected with a scoped API token (as a service account has) syncs end to end on the
 * local platform: every call goes through the API gateway (api.atlassian.com/ex/...), the stored
 * activities are exactly the oracle's, and the token needs exactly the scopes the admin page lists.
 */
const SCOPED = 'ATSTT3xFfGF0-globex-service-account-0001';
type Source = { id: string; tokenKind?: string; cloudId?: string; failing?: { code: string; message: string } };

function withScopedToken(site: SiteFixture, scopes: readonly string[]): SiteFixture['users'][number] {
  const connector = site.users.find((u) => u.apiToken && u.active && u.groups.includes('jira-administrators')) ?? site.users.find((u) => u.apiToken && u.active)!;
  connector.scopedTokens = [{ token: SCOPED, scopes: [...scopes] }];
  return connector;
}

describe('a data source with a scoped API token', () => {
  const clock = installScaledTime({ scaledLimits: false });
  afterAll(() => clock.restore());

  it('syncs everything through the gateway with exactly the listed scopes', async () => {
    const host = smallSite(31, { name: 'acme' });
    const other = smallSite(32, { name: 'globex', apiTokenUsers: 2, restrictedProjects: 0 });
    const connector = withScopedToken(other, ALL_SCOPED_TOKEN_SCOPES);
    const p = await startWorld([host, other], 1, { scaledLimits: false });
    try {
      const admin = adminOf(host);
      const source = (await mustAdmin<{ source: Source }>(p, admin, 'sources/save', {
        name: 'Globex', enabled: true, jiraUrl: 'https://globex.atlassian.net', jiraEmail: connector.email, jiraToken: SCOPED, tokenKind: 'scoped', confluenceUrl: 'https://globex.atlassian.net/wiki',
      })).source;
      expect(source).toMatchObject({ tokenKind: 'scoped', cloudId: other.cloudId });
      const test = await mustAdmin<{ jira: { status: string }; confluence: { status: string } }>(p, admin, 'sources/test', { id: source.id });
      expect([test.jira.status, test.confluence.status]).toEqual(['ok', 'ok']);
      const mapping = await mapTeammates(p, other, { admin });

      const done = await driveSyncToDone(p, [source.id], { advance: clock.advance });
      expect(done.why ?? 'done').toBe('done');
      const run = storedRuns(p).find((r) => r.dataSourceId === source.id)!;
      expect(run.status).toBe('succeeded');

      const until = (run.doc as unknown as { window: { until: string } }).window.until;
      const expected = expectedActivities(other, { dataSourceId: source.id, siteUrl: 'https://globex.atlassian.net', mapping, since: 0, until });
      const actual = storedActivities(p).filter((a) => a.dataSourceId === source.id);
      expect(expected.length).toBeGreaterThan(20);
      const diff = diffActivities(expected, actual);
      expect({ missing: diff.missing.length, extra: diff.extra.length }).toEqual({ missing: 0, extra: 0 });
      // Links point at the site people open, never at the gateway.
      expect(actual.every((a) => a.url.startsWith('https://globex.atlassian.net/'))).toBe(true);

      const globex = p.sites!.requestLog.filter((e) => e.site === 'globex');
      const direct = globex.filter((e) => e.via !== 'gateway' && e.path !== '/_edge/tenant_info');
      expect(direct.map((e) => e.endpoint)).toEqual([]);
      // Every listed scope was needed by some call, and no call needed another one.
      const needed = new Set(globex.filter((e) => e.via === 'gateway').flatMap((e) => {
        const [method, template] = e.endpoint.split(' ');
        return [...(gatewayScopes(method, template)[0] ?? [])];
      }));
      expect([...needed].sort()).toEqual([...ALL_SCOPED_TOKEN_SCOPES].sort());
    } finally {
      await p.close();
    }
  }, 180_000);

  it('marks the source failing, keeping its data, when the gateway refuses a call outside the scopes', async () => {
    const host = smallSite(33, { name: 'acme' });
    const other = smallSite(34, { name: 'globex', apiTokenUsers: 2, restrictedProjects: 0 });
    // Everything but Confluence comments.
    const connector = withScopedToken(other, [...SCOPED_TOKEN_SCOPES.jira, ...SCOPED_TOKEN_SCOPES.confluence.filter((s) => s !== 'read:comment:confluence')]);
    const p = await startWorld([host, other], 1, { scaledLimits: false });
    try {
      const admin = adminOf(host);
      const source = (await mustAdmin<{ source: Source }>(p, admin, 'sources/save', {
        name: 'Globex', enabled: true, jiraUrl: 'https://globex.atlassian.net', jiraEmail: connector.email, jiraToken: SCOPED, tokenKind: 'scoped', confluenceUrl: 'https://globex.atlassian.net/wiki',
      })).source;
      await mapTeammates(p, other, { admin });
      await driveSyncToDone(p, [source.id], { advance: clock.advance });
      const refused = p.sites!.requestLog.filter((e) => e.site === 'globex' && e.status === 401);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((e) => e.via === 'gateway' && /comment/.test(e.endpoint))).toBe(true);
      const sources = (await mustAdmin<{ sources: Source[] }>(p, admin, 'sources/list', {})).sources;
      expect(sources.find((s) => s.id === source.id)?.failing).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringMatching(/scoped API token lacks a scope/) });
      expect(storedActivities(p).some((a) => a.dataSourceId === source.id && a.source === 'jira')).toBe(true);
    } finally {
      await p.close();
    }
  }, 180_000);
});
