import type { Viewer } from '../access/viewer-permissions';
import type { DashboardRequest, DashboardSummary, EmptyReason } from '../shared/dashboard-contract';
import { fail, ok, type Result } from '../shared/result';
import { hasAnySyncData } from './config-queries';
import { resolveRange } from './date-range';
import { buildFilterScope } from './filter-scope';
import { loadRollupWeeks } from './rollup-queries';
import { SummaryAccumulator } from './summary-accumulator';
import { shapeSummary } from './summary-shape';
import { teammatePictures } from './teammate-pictures';
import { openViewerSession, type InsightsDeps } from './viewer-session';

export type SummaryRequest = DashboardRequest<'dashboard/summary'>;

/**
 * Totals, series, teammate table, heatmap and top places for a filtered range, all from the
 * weekly rollup documents: the cost grows with weeks × teammates, never with activity count.
 */
export async function getSummary(deps: InsightsDeps, request: SummaryRequest, viewer: Viewer): Promise<Result<DashboardSummary>> {
  const range = resolveRange(request.filters, todayOf(deps));
  const [session, docs] = await Promise.all([
    openViewerSession(deps, viewer),
    loadRollupWeeks(deps.kvs, range.previousFrom, range.to),
  ]);
  if (!session.access.allowed) return fail('FORBIDDEN', session.access.reason ?? 'You may not open the team dashboard.');
  const scope = buildFilterScope(request.filters, session.roster);
  if (!scope.ok) return scope;
  const acc = new SummaryAccumulator({ range, ...scope.data });
  for (const doc of docs) acc.add(doc);
  await session.learn([...acc.containers.values()].map((c) => c.container));
  const shaped = shapeSummary(acc, {
    bucket: request.bucket,
    split: request.split,
    roster: scope.data.roster,
    includeUnrostered: request.filters.teamId === undefined,
    kinds: scope.data.kinds,
    canSee: (c) => session.canSee(c),
    pictures: teammatePictures(session),
  });
  let empty: EmptyReason | null = null;
  if (session.roster.teammates.length === 0) empty = 'no-teammates';
  else if (shaped.totals.count === 0) {
    empty = docs.length === 0 && !(await hasAnySyncData(deps.kvs)) ? 'no-sync' : 'no-activity-in-range';
  }
  return ok({ ...shaped, empty });
}

export function todayOf(deps: Pick<InsightsDeps, 'now'>): string {
  return deps.now().toISOString().slice(0, 10);
}
