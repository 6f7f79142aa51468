/**
 * Every KVS key prefix, entity and index name the app uses, in one place. Only src/store uses
 * them: everything else goes through a repository.
 */
export const ENTITY = {
  activity: 'activity',
  rollupWeek: 'rollup-week',
  /** The rows of a rollup week too big for one value (rollup-week-format.ts, format 4). */
  rollupWeekPart: 'rollup-week-part',
  syncRun: 'sync-run',
} as const;

export const INDEX = {
  activity: {
    byTime: 'by-time',
    byTeammateTime: 'by-teammate-time',
    byEntity: 'by-entity',
    byAccount: 'by-account',
    bySourceTime: 'by-source-time',
  },
  rollupWeek: { byWeek: 'by-week' },
  rollupWeekPart: { byWeek: 'by-week' },
  syncRun: { byStarted: 'by-started', bySourceStarted: 'by-source-started' },
} as const;

export const KEY = {
  settings: 'config:settings',
  teammates: 'config:teammates',
  dataSource: (id: string) => `datasource:${id}`,
  dataSourcePrefix: 'datasource:',
  cursor: (dataSourceId: string, stream: string) => `cursor:${dataSourceId}:${stream}`,
  lease: (dataSourceId: string, stream: string) => `lease:${dataSourceId}:${stream}`,
  rollupWeek: (week: string) => `rw:${week}`,
  rollupWeekPart: (week: string, part: number) => `rwp:${week}:${part}`,
  permissionCache: (accountId: string, scope: string) => `perm:${accountId}:${scope}`,
  /**
   * A writer's mark on a rollup week whose activities it is changing: set before the write,
   * deleted once a rollup update that read the write is stored (src/store/rollup-repository.ts).
   */
  rollupDirty: (week: string, owner: string) => `rollup-dirty:${week}:${owner}`,
  rollupDirtyPrefix: 'rollup-dirty:',
  /** A purge of activities in progress (teammate removed, source deleted, account closed). */
  purgeJob: (id: string) => `purge-job:${id}`,
  purgeJobPrefix: 'purge-job:',
  /**
   * A page or blog post whose activity the deletion sweep removed because it was in the trash,
   * checked by later syncs so a restored one gets its history back (trashed-content-repository.ts).
   */
  trashedContent: (dataSourceId: string, contentId: string) => `trashed:${dataSourceId}:${contentId}`,
  trashedContentPrefix: (dataSourceId: string) => `trashed:${dataSourceId}:`,
  /** When the scheduled sync last started, so the 5-minute trigger runs only when due. */
  syncSchedule: 'sync:schedule',
  /**
   * The run a data source is on now (its id; src/store/sync-state-repository.ts). Cancelling is
   * not recorded here: it is `cancelRequested` on the run's own `sync-run` record.
   */
  syncActive: (dataSourceId: string) => `sync:active:${dataSourceId}`,
} as const;

export const SECRET = {
  jiraToken: (dataSourceId: string) => `secret:${dataSourceId}:jira-token`,
  confluenceToken: (dataSourceId: string) => `secret:${dataSourceId}:confluence-token`,
} as const;
