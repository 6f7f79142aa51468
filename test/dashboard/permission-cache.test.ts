import { decideDashboardAccess } from '../../src/access/dashboard-access';
import { ensureContainerAnswers, getViewerPermissions, PERMISSION_TTL_SECONDS } from '../../src/access/permission-cache';
import type { ViewerPermissionSource } from '../../src/access/viewer-permissions';
import { DEFAULT_SETTINGS } from '../../src/domain/config';
import { KEY } from '../../src/store/keys';
import { createMemoryKvs } from '../admin/helpers/memory-kvs';

/** A host that answers from editable sets and counts what it was asked. */
function scriptedHost() {
  const state = { groups: ['team-leads'], projects: new Set(['1']), spaces: new Set(['7']) };
  const asked = { groups: 0, projects: [] as string[][], spaces: [] as string[][] };
  const source: ViewerPermissionSource = {
    groups: async () => (asked.groups++, state.groups.map((name) => ({ name }))),
    isJiraAdmin: async () => state.groups.includes('jira-administrators'),
    browsableProjects: async (_a, ids) => (asked.projects.push(ids), ids.filter((id) => state.projects.has(id))),
    viewableSpaces: async (_a, ids) => (asked.spaces.push(ids), ids.filter((id) => state.spaces.has(id))),
    viewableIssues: async () => [],
    viewableContents: async () => [],
  };
  return { state, asked, source };
}

describe('viewer permission cache', () => {
  const viewer = { accountId: 'u-1' };
  let now = Date.parse('2026-11-25T10:00:00Z');
  const clock = () => new Date(now);

  it('asks the host once per TTL, and only about places it has not answered yet', async () => {
    const kvs = createMemoryKvs();
    const host = scriptedHost();
    const deps = { kvs, permissions: host.source, now: clock };
    const refs = [
      { dataSourceId: 'host', type: 'project' as const, id: '1' },
      { dataSourceId: 'host', type: 'project' as const, id: '2' },
      { dataSourceId: 'host', type: 'space' as const, id: '7' },
      { dataSourceId: 'other', type: 'project' as const, id: '1' },
    ];
    const p1 = await getViewerPermissions(deps, viewer);
    await ensureContainerAnswers(deps, viewer, p1, refs);
    expect(p1.projects).toEqual({ '1': true, '2': false });
    expect(p1.spaces).toEqual({ '7': true });
    expect(host.asked).toEqual({ groups: 1, projects: [['1', '2']], spaces: [['7']] });

    now += 60_000;
    const p2 = await getViewerPermissions(deps, viewer);
    await ensureContainerAnswers(deps, viewer, p2, [...refs, { dataSourceId: 'host', type: 'project', id: '3' }]);
    expect(host.asked.groups).toBe(1);
    expect(host.asked.projects).toEqual([['1', '2'], ['3']]);
    expect((kvs.values.get(KEY.permissionCache('u-1', 'host')) as { projects: object }).projects).toEqual({ '1': true, '2': false, '3': false });

    // After the TTL a revoked permission and a removed group take effect.
    host.state.projects.delete('1');
    host.state.groups = ['jira-users'];
    now += PERMISSION_TTL_SECONDS * 1000;
    const p3 = await getViewerPermissions(deps, viewer);
    await ensureContainerAnswers(deps, viewer, p3, refs);
    expect(p3.projects['1']).toBe(false);
    expect(decideDashboardAccess(p3, DEFAULT_SETTINGS).allowed).toBe(false);
    expect(host.asked.groups).toBe(2);
  });

  it('access: holders of Administer Jira always, others by the chosen groups', () => {
    const perms = (names: string[], isJiraAdmin = false) => ({ groups: names.map((name) => ({ name })), isJiraAdmin });
    expect(decideDashboardAccess(perms([], true), { ...DEFAULT_SETTINGS, dashboardGroups: [] })).toMatchObject({ allowed: true, isAdmin: true });
    expect(decideDashboardAccess(perms(['jira-administrators']), { ...DEFAULT_SETTINGS, dashboardGroups: [] })).toMatchObject({ allowed: false, isAdmin: false });
    expect(decideDashboardAccess(perms(['team-leads']), DEFAULT_SETTINGS)).toMatchObject({ allowed: true, isAdmin: false });
    const refused = decideDashboardAccess(perms(['team-leads']), { ...DEFAULT_SETTINGS, dashboardGroups: ['managers'] });
    expect(refused).toMatchObject({ allowed: false, groups: ['managers'] });
    expect(refused.reason).toContain('managers');
  });
});
