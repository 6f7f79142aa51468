/** Every KVS key prefix, entity and index name the app uses, in one place. */
export const ENTITY = {
  activity: 'activity',
  rollupWeek: 'rollup-week',
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
  permissionCache: (accountId: string, scope: string) => `perm:${accountId}:${scope}`,
  /** A rollup week whose activities changed and that must be recounted (value: epoch ms). */
  rollupDirty: (week: string) => `rollup-dirty:${week}`,
  rollupDirtyPrefix: 'rollup-dirty:',
  /** When the scheduled sync last started, so the 5-minute trigger runs only when due. */
  syncSchedule: 'sync:schedule',
  /** The run a data source is on now (its id), and cancellation requests. */
  syncActive: (dataSourceId: string) => `sync:active:${dataSourceId}`,
} as const;

export const SECRET = {
  jiraToken: (dataSourceId: string) => `secret:${dataSourceId}:jira-token`,
  confluenceToken: (dataSourceId: string) => `secret:${dataSourceId}:confluence-token`,
} as const;
