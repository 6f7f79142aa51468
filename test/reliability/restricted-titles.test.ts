import type { LocalPlatform } from '../../local/platform';
import type { FixtureContent, FixtureIssue, FixtureUser, SiteFixture } from '../../local/site/fixture-schema';
import { Figures } from './helpers/figures';
import { driveSyncToDone } from './helpers/sync-driver';
import { adminOf, DASHBOARD_FN, type Envelope, installScaledTime, mapTeammates, mustAdmin, smallSite, startWorld, storedActivities } from './helpers/world';

/**
 * Issue security levels and page restrictions, after a full scenario with the host and another
 * site: no feed event shows the title or link of an item the viewer may not see. Who may see
 * what is computed here from the fixtures alone: on the host, the project or space, the issue's
 * security level and every read restriction on the page and its ancestors; on another site, the
 * site's title groups and, with "show titles of restricted items" off, only items with no level
 * and no restriction.
 */
const figures = new Figures('restricted items');

type FeedEvent = { id: string; dataSourceId: string; title: string | null; url: string | null; entityKey: string | null };

function restrict(site: SiteFixture, users: { level: string[]; pages: string[] }): { issues: string[]; pages: string[] } {
  site.securityLevels = [{ id: '10900', name: 'Need to know', groups: ['jira-administrators'], accountIds: users.level }];
  const issues = site.issues.filter((i) => !i.deletedAt).filter((_, n) => n % 3 === 0);
  for (const i of issues) i.securityLevelId = '10900';
  const parents = new Set(site.contents.map((c) => c.parentId).filter((id): id is string => id !== undefined));
  const pages = site.contents.filter((c) => c.status === 'current' && (parents.has(c.id) || Number(c.id) % 4 === 0));
  for (const c of pages) c.readRestrictions = { groups: ['jira-administrators'], accountIds: users.pages };
  return { issues: issues.map((i) => i.id), pages: pages.map((c) => c.id) };
}

/** Read restrictions on the page and its ancestors, nearest first. */
function chain(site: SiteFixture, c: FixtureContent | undefined): FixtureContent[] {
  const out: FixtureContent[] = [];
  const byId = new Map(site.contents.map((x) => [x.id, x]));
  for (let x = c; x && !out.includes(x); x = x.parentId ? byId.get(x.parentId) : undefined) out.push(x);
  return out;
}

const inGroups = (user: FixtureUser, groups: string[] | undefined) => groups === undefined || groups.some((g) => user.groups.includes(g));

function hostMaySee(site: SiteFixture, user: FixtureUser, entity: { type: string; id: string }): boolean {
  if (entity.type === 'issue') {
    const issue = site.issues.find((i) => i.id === entity.id) as FixtureIssue;
    const level = site.securityLevels?.find((l) => l.id === issue.securityLevelId);
    const levelOk = issue.securityLevelId === undefined || (level !== undefined && (inGroups(user, level.groups) || level.accountIds.includes(user.accountId)));
    return inGroups(user, site.projects.find((p) => p.id === issue.projectId)?.browseGroups) && levelOk;
  }
  const content = site.contents.find((c) => c.id === entity.id);
  if (!content || !inGroups(user, site.spaces.find((s) => s.id === content.spaceId)?.viewGroups)) return false;
  return chain(site, content).every((c) => !c.readRestrictions || c.readRestrictions.accountIds.includes(user.accountId) || inGroups(user, c.readRestrictions.groups));
}

function isRestricted(site: SiteFixture, entity: { type: string; id: string }): boolean {
  if (entity.type === 'issue') return site.issues.find((i) => i.id === entity.id)?.securityLevelId !== undefined;
  return chain(site, site.contents.find((c) => c.id === entity.id)).some((c) => c.readRestrictions !== undefined);
}

describe('restricted items after a full scenario', () => {
  const clock = installScaledTime({ scaledLimits: false });
  let p: LocalPlatform;
  let host: SiteFixture;
  let other: SiteFixture;

  beforeAll(async () => {
    host = smallSite(81, { name: 'acme', pages: 12 });
    other = smallSite(82, { name: 'globex', apiTokenUsers: 1, pages: 12 });
    const connector = other.users.find((u) => u.apiToken)!;
    restrict(host, { level: [host.roles!.admin], pages: [] });
    // The connecting account is named, so its token reads what it then records as restricted.
    restrict(other, { level: [connector.accountId], pages: [connector.accountId] });
    p = await startWorld([host, other], 81, { scaledLimits: false });
  }, 60_000);

  afterAll(async () => {
    await p?.close();
    clock.restore();
    figures.print();
  });

  it('never shows the title or link of an item the viewer may not see', async () => {
    const admin = adminOf(host);
    const connector = other.users.find((u) => u.apiToken)!;
    const saved = await mustAdmin<{ source: { id: string } }>(p, admin, 'sources/save', {
      name: 'Globex', enabled: true, jiraUrl: 'https://globex.atlassian.net', jiraEmail: connector.email, jiraToken: connector.apiToken,
      confluenceUrl: 'https://globex.atlassian.net/wiki',
    });
    await mapTeammates(p, host);
    await mapTeammates(p, other, { admin });
    const synced = await driveSyncToDone(p, ['host', saved.source.id], { advance: clock.advance });
    expect(synced.why ?? 'done').toBe('done');
    const byId = new Map(storedActivities(p).map((a) => [a.id, a]));
    const sources = (await mustAdmin<{ sources: Array<{ id: string; viewGroups?: string[] }> }>(p, admin, 'sources/list', {})).sources;
    const settings = await mustAdmin<{ dashboardGroups: string[] }>(p, admin, 'settings/get', {});

    let checked = 0;
    let restrictedHidden = 0;
    let restrictedShownToAllowed = 0;
    const leaks: string[] = [];
    for (const viewer of [host.roles!.teamLead, host.roles!.admin]) {
      const user = host.users.find((u) => u.accountId === viewer)!;
      let cursor: string | undefined;
      do {
        const out = (await p.runtime.invokeResolver(DASHBOARD_FN, 'dashboard/feed', { filters: { range: '90d' }, limit: 100, ...(cursor ? { cursor } : {}) }, { accountId: viewer, extension: { type: 'jira:globalPage' } })) as Envelope<{ events: FeedEvent[]; nextCursor?: string }>;
        if (!out.ok) throw new Error(`feed for ${viewer}: ${out.error.code} ${out.error.message}`);
        for (const e of out.data.events) {
          const a = byId.get(e.id)!;
          const shown = e.title !== null || e.url !== null || e.entityKey !== null;
          let allowed: boolean;
          let restrictedItem: boolean;
          if (e.dataSourceId === 'host') {
            restrictedItem = isRestricted(host, a.entity);
            allowed = hostMaySee(host, user, a.entity);
          } else {
            restrictedItem = isRestricted(other, a.entity);
            const groups = sources.find((x) => x.id === e.dataSourceId)?.viewGroups ?? settings.dashboardGroups;
            allowed = (user.groups.includes('jira-administrators') || inGroups(user, groups)) && !restrictedItem;
          }
          checked += 1;
          if (shown && !allowed) leaks.push(`${viewer} sees ${e.id}`);
          if (restrictedItem && !shown) restrictedHidden += 1;
          if (restrictedItem && shown) restrictedShownToAllowed += 1;
        }
        cursor = out.data.nextCursor;
      } while (cursor);
    }
    figures
      .add('items restricted (host / other site)', `${host.issues.filter((i) => i.securityLevelId).length + host.contents.filter((c) => c.readRestrictions).length} / ${other.issues.filter((i) => i.securityLevelId).length + other.contents.filter((c) => c.readRestrictions).length} (security levels and page restrictions)`)
      .add('feed events checked', `${checked} (restricted: ${restrictedHidden} hidden, ${restrictedShownToAllowed} shown to allowed viewers)`)
      .add('restricted titles shown', leaks.length);
    expect(leaks.slice(0, 5)).toEqual([]);
    expect(restrictedHidden).toBeGreaterThan(0);
    expect(restrictedShownToAllowed).toBeGreaterThan(0);
  }, 300_000);
});
