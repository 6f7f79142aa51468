import type { SiteFixture } from '../../local/site/fixture-schema';
import { Figures } from './helpers/figures';
import { driveSyncToDone, storedRuns } from './helpers/sync-driver';
import { adminOf, installScaledTime, mapTeammates, mustAdmin, smallSite, startWorld, storedActivities } from './helpers/world';

/**
 * A source that keeps failing (its token revoked, its site gone) is marked failing with the
 * reason; the other sources keep syncing, and nothing stored is deleted because of the failure.
 */
const figures = new Figures('a source that keeps failing');

describe('a failing data source', () => {
  const clock = installScaledTime({ scaledLimits: false });
  afterAll(() => {
    clock.restore();
    figures.print();
  });

  it('is marked failing with the reason while the others sync, and keeps what it stored', async () => {
    const host = smallSite(21, { name: 'acme' });
    const other = smallSite(22, { name: 'globex', apiTokenUsers: 2 });
    const p = await startWorld([host, other], 1, { scaledLimits: false });
    try {
      const admin = adminOf(host);
      const connector = other.users.find((u) => u.apiToken && u.active) as SiteFixture['users'][number] & { apiToken: string };
      type Source = { id: string; jiraUrl: string; failing?: { code: string; message: string; since: string } };
      const globex = (await mustAdmin<{ source: Source }>(p, admin, 'sources/save', {
        name: 'Globex', enabled: true, jiraUrl: 'https://globex.atlassian.net', jiraEmail: connector.email, jiraToken: connector.apiToken, confluenceUrl: 'https://globex.atlassian.net/wiki',
      })).source;
      const gone = (await mustAdmin<{ source: Source }>(p, admin, 'sources/save', {
        name: 'Initech', enabled: true, jiraUrl: 'https://initech.atlassian.net', jiraEmail: 'owner@initech.test', jiraToken: 'ATATT3xFfGF0-initech-token-000000001',
      })).source;
      await mapTeammates(p, host);
      await mapTeammates(p, other, { admin });

      const first = await driveSyncToDone(p, ['host', globex.id], { advance: clock.advance });
      expect(first.why ?? 'done').toBe('done');
      const before = storedActivities(p);
      const globexBefore = before.filter((a) => a.dataSourceId === globex.id);
      expect(globexBefore.length).toBeGreaterThan(20);
      let sources = (await mustAdmin<{ sources: Source[] }>(p, admin, 'sources/list', {})).sources;
      const goneFailing = sources.find((s) => s.id === gone.id)?.failing;
      expect(goneFailing).toMatchObject({ code: 'UNREACHABLE', message: expect.stringMatching(/initech\.atlassian\.net/i) });
      expect(sources.find((s) => s.id === globex.id)?.failing).toBeUndefined();

      // The token is revoked on globex; meanwhile someone comments on the host site.
      p.sites!.site('globex').revokeToken(connector.email);
      const issue = host.issues.find((i) => !i.deletedAt)!;
      const author = host.users.find((u) => u.active && u.accountType !== 'app')!.accountId;
      p.sites!.site('acme').addComment(issue.key, { authorId: author, text: 'Still here' });

      const second = await driveSyncToDone(p, ['host'], { advance: clock.advance });
      expect(second.why ?? 'done').toBe('done');
      sources = (await mustAdmin<{ sources: Source[] }>(p, admin, 'sources/list', {})).sources;
      const globexFailing = sources.find((s) => s.id === globex.id)?.failing;
      expect(globexFailing).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringMatching(/token/i) });
      expect(sources.find((s) => s.id === 'host')?.failing).toBeUndefined();
      expect(sources.find((s) => s.id === gone.id)?.failing?.since).toBe(goneFailing?.since);

      const after = storedActivities(p);
      const afterIds = new Set(after.map((a) => a.id));
      const kept = globexBefore.filter((a) => afterIds.has(a.id)).length;
      expect(kept).toBe(globexBefore.length);
      const newHost = after.filter((a) => a.dataSourceId === 'host' && a.kind === 'jira.comment' && !before.some((b) => b.id === a.id));
      expect(newHost.map((a) => a.entity.key)).toEqual([issue.key]);
      const globexRuns = storedRuns(p).filter((r) => r.dataSourceId === globex.id);
      expect(globexRuns[0].status).toBe('failed');

      figures
        .add('sources', 'host (syncing), globex (token revoked), initech (site gone)')
        .add('globex activities stored before / kept after failure', `${globexBefore.length} / ${kept}`)
        .add('globex failing reason', `${globexFailing?.code}: ${globexFailing?.message}`)
        .add('initech failing reason', `${goneFailing?.code}: ${goneFailing?.message}`)
        .add('host activities synced after the failure', newHost.length);
    } finally {
      await p.close();
    }
  }, 120_000);
});
