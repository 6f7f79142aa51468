/**
 * The dashboard benchmarks' world: the dashcorp site on the local platform, its host source,
 * default settings and one "Everyone" team of `teamSize` teammates mapped by account id.
 * The activities themselves are loaded by the caller (`loadActivities`), which picks the volume.
 */
import { generateSite } from '../../local/fixtures/generator';
import { startLocalPlatform, type LocalPlatform } from '../../local/platform';
import { DEFAULT_SETTINGS } from '../../src/domain/config';
import { createForgeKvs } from '../../src/platform/forge-kvs';
import { createConfigRepository } from '../../src/store/config-repository';
import { teamFrom } from './activity-stream';

export interface DashboardWorld {
  platform: LocalPlatform;
  team: ReturnType<typeof teamFrom>;
  siteUrl: string;
  /** The site's team lead: the viewer the dashboard is measured for. */
  viewer: string;
}

export async function startDashboardWorld(teamSize: number): Promise<DashboardWorld> {
  const site = generateSite({ seed: 21, name: 'dashcorp', users: 60, projects: 12, restrictedProjects: 1, issues: 40, spaces: 4, pages: 10, days: 14 });
  const team = teamFrom(site, teamSize);
  const siteUrl = `https://${site.name}.atlassian.net`;
  const viewer = site.roles!.teamLead;
  const platform = await startLocalPlatform({ sites: [site], echoConsole: false, useEnv: false });
  try {
    await platform.runtime.runInContext({ key: 'bench-setup' }, async () => {
      const config = createConfigRepository(createForgeKvs());
      await config.ensureHostDataSource(async () => ({ siteUrl, hasConfluence: true }));
      await config.saveSettings(DEFAULT_SETTINGS);
      await config.saveTeammates({
        teams: [{ id: 'all', name: 'Everyone' }],
        teammates: team.teammates.map((t) => ({ id: t.id, name: t.name, teamId: 'all', externalIds: [{ dataSourceId: '*', type: 'accountId', value: t.accountId }], mappedAt: '2026-01-01T00:00:00.000Z' })),
      });
    });
  } catch (err) {
    await platform.close();
    throw err;
  }
  return { platform, team, siteUrl, viewer };
}
