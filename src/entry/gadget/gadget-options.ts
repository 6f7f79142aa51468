import { checkDashboardAccess } from '../../access/check-dashboard-access';
import type { PermissionCacheDeps } from '../../access/permission-cache';
import type { Viewer } from '../../access/viewer-permissions';
import { readTeammates } from '../../insights/config-queries';
import type { GadgetOptions } from '../../shared/gadget-contract';
import { fail, ok, type Result } from '../../shared/result';
import { parseGadgetPayload } from './parse-gadget-payload';

/** Teams and teammates for the settings form, for the same viewers the dashboard admits. */
export async function getGadgetOptions(deps: PermissionCacheDeps, payload: unknown, viewer: Viewer): Promise<Result<GadgetOptions>> {
  const parsed = parseGadgetPayload('gadget/options', payload);
  if (!parsed.ok) return parsed;
  const [access, roster] = await Promise.all([checkDashboardAccess(deps, viewer), readTeammates(deps.kvs)]);
  if (!access.allowed) return fail('FORBIDDEN', access.reason ?? 'You may not see team activity.');
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  return ok({
    teams: roster.teams
      .map((t) => ({ id: t.id, name: t.name, memberCount: roster.teammates.filter((m) => m.teamId === t.id).length }))
      .sort(byName),
    teammates: roster.teammates
      .map((m) => ({ id: m.id, name: m.name, ...(m.teamId ? { teamId: m.teamId } : {}) }))
      .sort(byName),
  });
}
