import type { LocalPlatform, TimeOptions } from '../../../local/platform';
import type { SiteFixture } from '../../../local/site/fixture-schema';
import type { Activity } from '../../../src/domain/activity';
import type { TeammateAvatar } from '../../../src/domain/avatar';
import { DEFAULT_SETTINGS, type DataSource, type Settings, type TeammatesDoc } from '../../../src/domain/config';
import type { DashboardKey } from '../../../src/shared/dashboard-contract';
import type { Result } from '../../../src/shared/result';
import type { KvsPort } from '../../../src/store/kvs-port';
import { acmeAdmin, acmeSite, acmeUser } from '../../helpers/acme-site';
import { startSeededPlatform } from '../../helpers/seeded-platform';
import { generateActivity } from './activities';
import { seededRandom } from '../../../local/site/rng';
import { purgeActivities } from '../../../src/privacy/purge-activities';
import { createRollupRepository } from '../../../src/store/rollup-repository';

/**
 * The dashboard on the local Forge platform: the real resolver (index.dashboardResolver) is
 * invoked as a given user, KVS is the emulator behind @forge/kvs, and the host site is the
 * emulator answering per-user visibility. Activities and rollups are written through the store
 * repositories, the way the sync writes them.
 */
export const USERS = { admin: 'u-admin', lead: 'u-lead', rita: 'u-rita', hugo: 'u-hugo' } as const;

export function dashboardSite(): SiteFixture {
  return acmeSite({
    cloudId: 'aaaaaaaa-0000-4000-8000-0000000000d1',
    users: [
      acmeAdmin(),
      acmeUser(USERS.lead, 'Lee Lead', ['jira-users', 'team-leads', 'secret-keepers']),
      acmeUser(USERS.rita, 'Rita Reviewer', ['jira-users', 'team-leads']),
      acmeUser(USERS.hugo, 'Hugo Outside', ['jira-users']),
    ],
    extraGroups: [{ name: 'secret-keepers', groupId: 'g-secret' }],
    projects: [
      { id: '10000', key: 'ENG', name: 'Engineering' },
      { id: '10001', key: 'SEC', name: 'Security', browseGroups: ['jira-administrators', 'secret-keepers'] },
    ],
    spaces: [
      { id: '30000', key: 'DOCS', name: 'Docs', type: 'global' },
      { id: '30001', key: 'HR', name: 'People', type: 'global', viewGroups: ['jira-administrators', 'secret-keepers'] },
    ],
    roles: { admin: USERS.admin, teamLead: USERS.lead, noAccess: USERS.hugo },
  });
}

export const PLACES = [
  { ds: 'host', c: { type: 'project' as const, id: '10000', key: 'ENG', name: 'Engineering' } },
  { ds: 'host', c: { type: 'project' as const, id: '10001', key: 'SEC', name: 'Security' } },
  { ds: 'globex', c: { type: 'project' as const, id: '20000', key: 'GLX', name: 'Globex' } },
  { ds: 'host', c: { type: 'space' as const, id: '30000', key: 'DOCS', name: 'Docs' } },
  { ds: 'host', c: { type: 'space' as const, id: '30001', key: 'HR', name: 'People' } },
];

/** The data source PLACES' other site belongs to, with no title groups of its own. */
export const GLOBEX_SOURCE: DataSource = {
  id: 'globex',
  kind: 'cloud',
  name: 'Globex',
  enabled: true,
  jiraUrl: 'https://globex.atlassian.net',
  tokenKind: 'classic',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

export const ROSTER: TeammatesDoc = {
  teams: [
    { id: 'core', name: 'Core' },
    { id: 'ops', name: 'Ops' },
  ],
  teammates: [
    { id: 'tm-a', name: 'Ada Admin', teamId: 'core', externalIds: [{ dataSourceId: '*', type: 'accountId', value: 'u-admin' }], mappedAt: '2026-01-01T00:00:00.000Z' },
    { id: 'tm-b', name: 'Bo Builder', teamId: 'core', externalIds: [{ dataSourceId: '*', type: 'accountId', value: 'u-bo' }], mappedAt: '2026-01-01T00:00:00.000Z' },
    { id: 'tm-c', name: 'Cy Operator', teamId: 'ops', externalIds: [{ dataSourceId: '*', type: 'accountId', value: 'u-cy' }], mappedAt: '2026-01-01T00:00:00.000Z' },
  ],
};

/** A roster whose teammates (by id) have these pictures. */
export function withPictures(doc: TeammatesDoc, pictures: Record<string, TeammateAvatar>): TeammatesDoc {
  return { ...doc, teammates: doc.teammates.map((t) => (pictures[t.id] ? { ...t, avatar: pictures[t.id] } : t)) };
}

/** Seeded activities over the last `days` days (UTC), across PLACES, kinds and teammates. */
export function seededActivities(count: number, days: number, seed = 11, teammates = ['tm-a', 'tm-b', 'tm-c']): Activity[] {
  const rnd = seededRandom(seed);
  const end = Date.now();
  const kinds = ['jira.issue.created', 'jira.issue.updated', 'jira.issue.resolved', 'jira.comment', 'jira.worklog', 'confluence.page.created', 'confluence.page.updated', 'confluence.comment'] as const;
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[Math.floor(rnd() * kinds.length)];
    const jira = kind.startsWith('jira.');
    const places = PLACES.filter((p) => (p.c.type === 'project') === jira);
    const place = places[Math.floor(rnd() * places.length)];
    const at = new Date(Math.floor((end - rnd() * days * 86_400_000) / 1000) * 1000).toISOString();
    return generateActivity({
      id: `${jira ? 'jira' : 'confluence'}:${place.ds}:seed:${seed}:${i}`,
      kind,
      at,
      dataSourceId: place.ds,
      container: place.c,
      teammateId: teammates[Math.floor(rnd() * teammates.length)],
      details: kind === 'jira.worklog' ? { seconds: 900 * (1 + Math.floor(rnd() * 8)) } : {},
    });
  });
}

export interface DashboardEnv {
  platform: LocalPlatform;
  kvs: KvsPort;
  call<T = unknown>(key: DashboardKey | string, payload: unknown, accountId: string | undefined): Promise<Result<T>>;
  store(activities: Activity[]): Promise<void>;
  /** Deletes every stored activity of a data source and recounts its weeks (as a source deletion does). */
  purgeSource(dataSourceId: string): Promise<void>;
  setSettings(patch: Partial<Settings>): Promise<void>;
  setRoster(doc: TeammatesDoc): Promise<void>;
  saveDataSource(ds: DataSource): Promise<void>;
  /** Every stored activity (read back through the repository), for expected values. */
  stored(): Promise<Activity[]>;
  close(): Promise<void>;
}

/**
 * The host site holds the issues and pages of the host activities stored, as after a real sync:
 * the dashboard asks the site, as the viewer, which of them they may see.
 */
export function addHostItems(platform: LocalPlatform, hostName: string, list: Activity[]): void {
  const site = platform.sites!.site(hostName);
  const raw = site.raw;
  for (const a of list) {
    if (a.dataSourceId !== 'host') continue;
    if (a.entity.type === 'issue') {
      if (site.issuesById.has(a.entity.id)) continue;
      raw.issues.push({
        id: a.entity.id, key: a.entity.key, projectId: a.container.id, summary: a.entity.title, issueTypeName: 'Task', statusId: '1',
        resolution: null, resolutiondate: null, creatorId: USERS.admin, reporterId: USERS.admin, assigneeId: null,
        created: a.at, updated: a.at, changelog: [], comments: [], worklogs: [],
      });
      site.issuesById.set(a.entity.id, raw.issues[raw.issues.length - 1]);
    } else {
      if (site.contentsById.has(a.entity.id)) continue;
      raw.contents.push({
        id: a.entity.id, type: a.entity.type, spaceId: a.container.id, title: a.entity.title, status: 'current', authorId: USERS.admin,
        createdAt: a.at, versions: [{ number: 1, authorId: USERS.admin, createdAt: a.at, message: '', minorEdit: false }], comments: [],
      });
      site.contentsById.set(a.entity.id, raw.contents[raw.contents.length - 1]);
    }
  }
  site.reindex();
}

export async function startDashboardEnv(opts: { sites?: SiteFixture[]; time?: TimeOptions } = {}): Promise<DashboardEnv> {
  const { platform, kvs, config, activities, store } = await startSeededPlatform({ sites: opts.sites ?? [dashboardSite()], teammates: ROSTER, time: opts.time });
  // The other site of PLACES is a configured data source: activity of an unknown one shows no title.
  await config.saveDataSource(GLOBEX_SOURCE);
  return {
    platform,
    kvs,
    async call<T>(key: string, payload: unknown, accountId: string | undefined) {
      return (await platform.runtime.invokeResolver('dashboard-resolver', key, payload, { accountId } as never)) as Result<T>;
    },
    async store(list) {
      addHostItems(platform, opts.sites?.[0]?.name ?? 'acme', list);
      await store(list);
    },
    async purgeSource(dataSourceId) {
      await purgeActivities({ activities, rollups: createRollupRepository(kvs, activities) }, { dataSourceId });
    },
    async setSettings(patch) {
      await config.saveSettings({ ...DEFAULT_SETTINGS, ...patch });
    },
    async setRoster(doc) {
      await config.saveTeammates(doc);
    },
    async saveDataSource(ds) {
      await config.saveDataSource(ds);
    },
    stored: () => activities.listByTime(0, 2 ** 31 - 1),
    close: () => platform.close(),
  };
}
