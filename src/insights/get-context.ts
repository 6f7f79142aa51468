import type { Viewer } from '../access/viewer-permissions';
import type { DashboardContext } from '../shared/dashboard-contract';
import { ok, type Result } from '../shared/result';
import { listDataSources } from './config-queries';
import { todayOf } from './get-summary';
import { openViewerSession, type InsightsDeps } from './viewer-session';

/**
 * What the page needs before its first query: may the viewer look at all, and the choices for
 * the filters. A refused viewer gets the explanation and nothing else.
 */
export async function getDashboardContext(deps: InsightsDeps, viewer: Viewer): Promise<Result<DashboardContext>> {
  const session = await openViewerSession(deps, viewer);
  const base = {
    viewer: { accountId: viewer.accountId, isAdmin: session.access.isAdmin },
    access: {
      allowed: session.access.allowed,
      groups: session.access.groups,
      ...(session.access.reason ? { reason: session.access.reason } : {}),
    },
    privacyMode: session.settings.privacyMode,
    today: todayOf(deps),
  };
  if (!session.access.allowed) return ok({ ...base, teams: [], teammates: [], dataSources: [] });
  const sources = await listDataSources(deps.kvs);
  return ok({
    ...base,
    teams: session.roster.teams.map((t) => ({ id: t.id, name: t.name })),
    teammates: session.roster.teammates
      .map((t) => ({ id: t.id, name: t.name, ...(t.teamId ? { teamId: t.teamId } : {}) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    dataSources: sources.map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
  });
}
