import type { Viewer } from '../access/viewer-permissions';
import { ACTIVITY_KINDS, sourceOfKind } from '../domain/activity';
import type { TeammatesDoc } from '../domain/config';
import type { DashboardFilters } from '../shared/dashboard-contract';
import { gadgetDashboardFilters, type GadgetConfig, type GadgetSummary, type GadgetTarget, type PeriodCount } from '../shared/gadget-contract';
import { fail, ok, type Result } from '../shared/result';
import { addDays, resolveRange } from './date-range';
import { buildFilterScope } from './filter-scope';
import { todayOf } from './get-summary';
import { loadRollupWeeks } from './rollup-queries';
import { SummaryAccumulator } from './summary-accumulator';
import { openViewerSession, type InsightsDeps } from './viewer-session';

/**
 * The gadget's numbers come from the same rollups, range rules, filter scope and accumulator
 * as the dashboard's, and the same access decision. It stops at counts: no place is named, so
 * (unlike the dashboard) it never has to ask the site which projects the viewer may browse.
 */
export async function getGadgetSummary(deps: InsightsDeps, request: { config: GadgetConfig }, viewer: Viewer): Promise<Result<GadgetSummary>> {
  const { config } = request;
  const filters = dashboardFilters(config, todayOf(deps));
  const range = resolveRange(filters, todayOf(deps));
  const [session, docs] = await Promise.all([
    openViewerSession(deps, viewer),
    loadRollupWeeks(deps.kvs, range.previousFrom, range.to),
  ]);
  // Access first: a refused viewer learns nothing, not even whether a team exists.
  if (!session.access.allowed) return fail('FORBIDDEN', session.access.reason ?? 'You may not see team activity.');
  const target = describeTarget(config.target, session.roster);
  if (!target) return missingTarget(config.target);
  const scope = buildFilterScope(filters, session.roster);
  if (!scope.ok) return missingTarget(config.target);
  // The kinds come from the configuration: the dashboard's filters can carry only one.
  const acc = new SummaryAccumulator({ range, teammateIds: scope.data.teammateIds, kinds: new Set(config.kinds) });
  for (const doc of docs) acc.add(doc);
  return ok(shape(acc, config, target));
}

function dashboardFilters(config: GadgetConfig, today: string): DashboardFilters {
  return gadgetDashboardFilters(config, { from: addDays(today, -(config.rangeDays - 1)), to: today });
}

function describeTarget(t: GadgetTarget, roster: TeammatesDoc): GadgetSummary['target'] | undefined {
  if (t.type === 'all') return { type: 'all', name: 'All teammates', memberCount: roster.teammates.length };
  if (t.type === 'team') {
    const team = roster.teams.find((x) => x.id === t.id);
    if (!team) return undefined;
    const memberCount = roster.teammates.filter((m) => m.teamId === t.id).length;
    return { type: 'team', id: t.id, name: team.name, memberCount };
  }
  const mate = roster.teammates.find((x) => x.id === t.id);
  return mate ? { type: 'teammate', id: t.id, name: mate.name, memberCount: 1 } : undefined;
}

function missingTarget(t: GadgetTarget): Result<never> {
  const id = t.type === 'all' ? '' : t.id;
  const what = t.type === 'team' ? `The team "${id}" no longer exists` : `The teammate "${id}" is no longer tracked`;
  return fail('NOT_FOUND', `${what}: choose another one in the gadget's settings.`, 'config.target');
}

function shape(acc: SummaryAccumulator, config: GadgetConfig, target: GadgetSummary['target']): GadgetSummary {
  const { range } = acc.scope;
  const NK = ACTIVITY_KINDS.length;
  const kinds = ACTIVITY_KINDS.filter((k) => config.kinds.includes(k));
  const totals = kinds.map((kind) => {
    const k = ACTIVITY_KINDS.indexOf(kind);
    return { kind, count: acc.kindCount[k], previous: acc.kindPrevious[k] };
  });
  const perDay = Array.from({ length: acc.days }, (_, i) => addDays(range.from, i)).flatMap((day, i) =>
    kinds.map((kind) => ({ day, kind, count: acc.dayKind[i * NK + ACTIVITY_KINDS.indexOf(kind)] })),
  );
  const add = (list: typeof totals): PeriodCount => ({
    count: list.reduce((n, t) => n + t.count, 0),
    previous: list.reduce((n, t) => n + t.previous, 0),
  });
  return {
    target,
    range: { from: range.from, to: range.to, days: range.days },
    previousRange: { from: range.previousFrom, to: range.previousTo },
    kinds,
    totals,
    total: add(totals),
    perDay,
    bySource: {
      jira: add(totals.filter((t) => sourceOfKind(t.kind) === 'jira')),
      confluence: add(totals.filter((t) => sourceOfKind(t.kind) === 'confluence')),
    },
    // Only worklogs carry seconds, and the accumulator only summed the kinds shown.
    worklogSeconds: acc.seconds,
  };
}
