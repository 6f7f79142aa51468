import type { LocalPlatform } from '../../../local/platform';
import type { SiteFixture } from '../../../local/site/fixture-schema';
import { ACTIVITY_KINDS, sourceOfKind, type Activity, type ActivityKind } from '../../../src/domain/activity';
import { DEFAULT_SETTINGS, type TeammatesDoc } from '../../../src/domain/config';
import { getKvs } from '../../../src/platform/forge-kvs';
import { acmeAdmin, acmeSite, acmeUser } from '../../helpers/acme-site';
import { activityWriter, startSeededPlatform } from '../../helpers/seeded-platform';
import { seededRandom } from '../../../local/site/rng';

/** People on the host site: a team lead, a Jira admin, and someone in neither allowed group. */
export const LEAD = 'u-lead';
export const ADMIN = 'u-admin';
export const OUTSIDER = 'u-hugo';

export function gadgetSite(): SiteFixture {
  return acmeSite({
    cloudId: 'aaaaaaaa-0000-4000-8000-0000000000a1',
    users: [acmeAdmin(), acmeUser(LEAD, 'Lee Lead', ['jira-users', 'team-leads']), acmeUser(OUTSIDER, 'Hugo Outside', ['jira-users'])],
  });
}

const MAPPED_AT = '2026-01-01T00:00:00.000Z';
const mate = (id: string, name: string, teamId?: string) => ({
  id,
  name,
  ...(teamId ? { teamId } : {}),
  externalIds: [{ dataSourceId: '*', type: 'accountId' as const, value: `acc-${id}` }],
  mappedAt: MAPPED_AT,
});

export const ROSTER: TeammatesDoc = {
  teams: [
    { id: 'platform', name: 'Platform' },
    { id: 'mobile', name: 'Mobile' },
  ],
  teammates: [mate('ana', 'Ana Lima', 'platform'), mate('bo', 'Bo Chen', 'platform'), mate('cy', 'Cy Dube', 'mobile'), mate('dee', 'Dee Solo')],
};

export async function startGadgetPlatform(): Promise<LocalPlatform> {
  const seeded = await startSeededPlatform({ sites: [gadgetSite()], settings: { ...DEFAULT_SETTINGS, dashboardGroups: ['team-leads'] }, teammates: ROSTER });
  return seeded.platform;
}

/** Stores activities and recounts their weeks through the store repositories, as the sync does. */
export const storeActivities = (list: Activity[]): Promise<void> => activityWriter(getKvs())(list);

export const DAY_MS = 86_400_000;
export const dayOffset = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);

/**
 * Seeded activities over the last `days` days up to today, across teammates (one no longer on
 * the roster), kinds, two data sources and several places; titles and links included, so a test
 * can prove the gadget never passes them on.
 */
export function recentActivities(opts: { today: string; days: number; count: number; seed?: number }): Activity[] {
  const rnd = seededRandom(opts.seed ?? 11);
  const teammates = ['ana', 'bo', 'cy', 'dee', 'gone'];
  const start = Date.parse(`${dayOffset(opts.today, -(opts.days - 1))}T00:00:00.000Z`);
  return Array.from({ length: opts.count }, (_, i) => {
    const kind: ActivityKind = ACTIVITY_KINDS[Math.floor(rnd() * ACTIVITY_KINDS.length)];
    const source = sourceOfKind(kind);
    const ds = rnd() < 0.3 ? 'globex' : 'host';
    const teammateId = teammates[Math.floor(rnd() * teammates.length)];
    const at = new Date(start + Math.floor(rnd() * opts.days * DAY_MS)).toISOString();
    const container =
      source === 'jira'
        ? { type: 'project' as const, id: ds === 'host' ? '10000' : '20000', key: ds === 'host' ? 'ENG' : 'GLX', name: 'Secret Project' }
        : { type: 'space' as const, id: '30000', key: 'DOCS', name: 'Secret Space' };
    return {
      id: `${source}:${ds}:gadget-test:${i}`,
      source,
      dataSourceId: ds,
      kind,
      actorAccountId: `acc-${teammateId}`,
      teammateId,
      at,
      container,
      entity:
        source === 'jira'
          ? { type: 'issue', id: String(1000 + i), key: `${container.key}-${i}`, title: `Confidential issue ${i}` }
          : { type: 'page', id: String(5000 + i), key: String(5000 + i), title: `Confidential page ${i}` },
      url: `https://${ds === 'host' ? 'acme' : 'globex'}.atlassian.net/browse/${container.key}-${i}`,
      details: kind === 'jira.worklog' ? { seconds: 900 * (1 + Math.floor(rnd() * 8)), worklogId: String(i) } : {},
    };
  });
}
