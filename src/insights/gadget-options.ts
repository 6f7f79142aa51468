import type { Viewer } from '../access/viewer-permissions';
import type { GadgetOptions } from '../shared/gadget-contract';
import { fail, ok, type Result } from '../shared/result';
import { openViewerSession, type InsightsDeps } from './viewer-session';

/** Teams and teammates for the gadget's settings form, for the same viewers the dashboard admits. */
export async function getGadgetOptions(deps: InsightsDeps, viewer: Viewer): Promise<Result<GadgetOptions>> {
  const { access, roster } = await openViewerSession(deps, viewer);
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
