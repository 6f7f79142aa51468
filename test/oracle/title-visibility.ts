import type { FixtureUser, SiteFixture } from '../../local/site/fixture-schema';
import type { Activity } from '../../src/domain/activity';

/**
 * Who may see an activity's title and link, decided from the site fixtures and the settings a
 * test chose, written apart from src/access so a wrong rule there cannot hide itself:
 * - on the host site, a viewer sees what they may read there: the project (`browseGroups`) and
 *   the issue's security level, or the space (`viewGroups`) and every read restriction on the
 *   page and its ancestors;
 * - another site cannot be asked about a host user, so its titles are for Jira administrators
 *   and the groups the test allowed for that data source (or the dashboard groups when it set
 *   none); a data source the test did not configure (deleted) shows no title to anyone.
 */
export interface TitleRules {
  host: SiteFixture;
  /** By data source id: the groups the test gave it, or 'dashboard-groups'. */
  otherSites: Map<string, readonly string[] | 'dashboard-groups'>;
  dashboardGroups: readonly string[];
  privacyMode: boolean;
}

const inGroups = (user: FixtureUser, groups: readonly string[] | undefined) => (groups === undefined ? user.active : groups.some((g) => user.groups.includes(g)));

const names = (user: FixtureUser, r: { groups: readonly string[]; accountIds: readonly string[] }) =>
  r.accountIds.includes(user.accountId) || r.groups.some((g) => user.groups.includes(g));

function hostMaySee(site: SiteFixture, user: FixtureUser, a: Activity): boolean {
  if (a.container.type === 'project') {
    const project = site.projects.find((x) => x.id === a.container.id);
    const issue = site.issues.find((i) => i.key === a.entity.key);
    if (!project || !issue || !inGroups(user, project.browseGroups)) return false;
    const level = issue.securityLevelId ? site.securityLevels?.find((l) => l.id === issue.securityLevelId) : undefined;
    return issue.securityLevelId === undefined || (level !== undefined && names(user, level));
  }
  const space = site.spaces.find((x) => x.id === a.container.id);
  if (!space || !inGroups(user, space.viewGroups)) return false;
  const seen = new Set<string>();
  for (let c = site.contents.find((x) => x.id === a.entity.key); c; c = c.parentId ? site.contents.find((x) => x.id === c!.parentId) : undefined) {
    if (seen.has(c.id)) return false;
    seen.add(c.id);
    if (c.readRestrictions && !names(user, c.readRestrictions)) return false;
  }
  return seen.size > 0;
}

export function maySeeTitle(rules: TitleRules, viewer: string, a: Activity): boolean {
  const user = rules.host.users.find((u) => u.accountId === viewer);
  if (!user || rules.privacyMode) return false;
  const admin = user.groups.includes('jira-administrators');
  if (!admin && !inGroups(user, rules.dashboardGroups)) return false;
  if (a.dataSourceId === 'host') return hostMaySee(rules.host, user, a);
  const groups = rules.otherSites.get(a.dataSourceId);
  if (groups === undefined) return false;
  return admin || inGroups(user, groups === 'dashboard-groups' ? rules.dashboardGroups : groups);
}
