import { adminContract } from '../../../src/shared/admin-contract';
import { dashboardContract } from '../../../src/shared/dashboard-contract';
import { gadgetContract } from '../../../src/shared/gadget-contract';
import { ADMIN_FN, DASHBOARD_FN, GADGET_FN } from './world';

/** One valid payload per resolver key of each module (what the fuzzing mutates and access tests send). */
export type Json = Record<string, unknown>;
export type Module = { fn: string; contract: Record<string, { payload: unknown; result: { safeParse(v: unknown): { success: boolean } } }>; valid: Record<string, Json> };

export const SAMPLE_TOKEN = 'ATATT3xFfGF0-fuzz-sample-token-000000001';
export const modules: Record<'admin' | 'dashboard' | 'gadget', Module> = {
  admin: {
    fn: ADMIN_FN,
    contract: adminContract as unknown as Module['contract'],
    valid: {
      'sources/list': {},
      'sources/save': { name: 'Globex', enabled: true, jiraUrl: 'https://globex.atlassian.net', jiraEmail: 'gina@globex.test', jiraToken: SAMPLE_TOKEN },
      'sources/set-enabled': { id: 'host', enabled: true },
      'sources/delete': { id: 'ds-unknown' },
      'sources/test': { id: 'host' },
      'sources/fetch-now': { id: 'host', since: '2026-11-01', until: '2026-11-20' },
      'teammates/list': {},
      // An email, not a typed account ID: a save refuses an account ID the site does not know.
      'teammates/save': { name: 'Zed Example', externalIds: [{ dataSourceId: '*', type: 'email', value: 'zed@example.com' }] },
      'teammates/delete': { id: 'tm-unknown' },
      'teammates/resolve': {},
      'teammates/add-users': { users: [{ accountId: 'acc-two', displayName: 'Two Example' }] },
      'teammates/add-group': { groupName: 'jira-users' },
      'teammates/duplicates': {},
      'teammates/merge': { keepId: 'tm-unknown', mergeIds: ['tm-other'] },
      'teams/save': { name: 'Platform' },
      'teams/delete': { id: 'team-unknown' },
      'users/search': { query: 'a' },
      'groups/search': { query: 'jira' },
      'settings/get': {},
      'settings/save-sync': { syncIntervalMinutes: 60, historyDays: 90 },
      'settings/save-access': { dashboardGroups: ['jira-administrators', 'team-leads'], privacyMode: false },
      'sync/status': {},
      'sync/cancel': { runId: 'run-unknown' },
      'sync/history': { limit: 10 },
      'sync/diagnostics': {},
    },
  },
  dashboard: {
    fn: DASHBOARD_FN,
    contract: dashboardContract as unknown as Module['contract'],
    valid: {
      'dashboard/context': {},
      'dashboard/summary': { filters: { range: '30d' }, bucket: 'day', split: 'kind' },
      'dashboard/feed': { filters: { range: 'custom', from: '2026-11-01', to: '2026-11-20' }, limit: 25 },
      'dashboard/export': { filters: { range: '7d' } },
    },
  },
  gadget: {
    fn: GADGET_FN,
    contract: gadgetContract as unknown as Module['contract'],
    valid: {
      'gadget/summary': { config: { target: { type: 'all' }, rangeDays: 7, kinds: ['jira.comment', 'jira.worklog'] } },
      'gadget/options': {},
    },
  },
};

