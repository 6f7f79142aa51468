import type { Viewer } from '../../access/viewer-permissions';
import { sourceOfKind, type ActivityKind } from '../../domain/activity';
import type { TeammatesDoc } from '../../domain/config';
import { readTeammates } from '../../insights/config-queries';
import { addDays } from '../../insights/date-range';
import { getSummary, todayOf } from '../../insights/get-summary';
import type { InsightsDeps } from '../../insights/viewer-session';
import type { DashboardFiltersInput, DashboardSummary } from '../../shared/dashboard-contract';
import type { GadgetConfig, GadgetSummary, GadgetTarget, PeriodCount } from '../../shared/gadget-contract';
import { fail, ok, type Result } from '../../shared/result';
import { parseGadgetPayload } from './parse-gadget-payload';

/**
 * The gadget's numbers are the dashboard's numbers for the same people and days: it asks the
 * dashboard summary (which also enforces who may look) and keeps only counts, so no title,
 * link or place name reaches a Jira dashboard.
 */
export async function getGadgetSummary(deps: InsightsDeps, payload: unknown, viewer: Viewer): Promise<Result<GadgetSummary>> {
  const parsed = parseGadgetPayload('gadget/summary', payload);
  if (!parsed.ok) return parsed;
  const { config } = parsed.data;
  const [summary, roster] = await Promise.all([
    getSummary(deps, { filters: dashboardFilters(config, todayOf(deps)), bucket: 'day', split: 'kind' }, viewer),
    readTeammates(deps.kvs),
  ]);
  // Access is decided inside the dashboard summary: a refused viewer learns nothing about teams.
  if (!summary.ok) {
    const aboutTarget = summary.error.field === 'filters.teamId' || summary.error.field === 'filters.teammateId';
    return aboutTarget ? missingTarget(config.target) : summary;
  }
  const target = describeTarget(config.target, roster);
  if (!target) return missingTarget(config.target);
  return ok(toGadgetSummary(summary.data, config, target));
}

export function dashboardFilters(config: GadgetConfig, today: string): DashboardFiltersInput {
  const t = config.target;
  return {
    range: 'custom',
    from: addDays(today, -(config.rangeDays - 1)),
    to: today,
    ...(t.type === 'team' ? { teamId: t.id } : {}),
    ...(t.type === 'teammate' ? { teammateId: t.id } : {}),
  };
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

function toGadgetSummary(s: DashboardSummary, config: GadgetConfig, target: GadgetSummary['target']): GadgetSummary {
  const shown = new Set<ActivityKind>(config.kinds);
  const totals = s.totals.byKind.filter((k) => shown.has(k.kind));
  const kinds = totals.map((t) => t.kind);
  const byKind = new Map(s.series.stacks.map((st) => [st.key, st.values]));
  const perDay = s.series.starts.flatMap((day, i) => kinds.map((kind) => ({ day, kind, count: byKind.get(kind)?.[i] ?? 0 })));
  const add = (list: typeof totals): PeriodCount => ({
    count: list.reduce((n, t) => n + t.count, 0),
    previous: list.reduce((n, t) => n + t.previous, 0),
  });
  return {
    target,
    range: { from: s.range.from, to: s.range.to, days: s.range.days },
    previousRange: { from: s.range.previousFrom, to: s.range.previousTo },
    kinds,
    totals: totals.map((t) => ({ kind: t.kind, count: t.count, previous: t.previous })),
    total: add(totals),
    perDay,
    bySource: {
      jira: add(totals.filter((t) => sourceOfKind(t.kind) === 'jira')),
      confluence: add(totals.filter((t) => sourceOfKind(t.kind) === 'confluence')),
    },
    // Only worklogs carry seconds, so the range's seconds are the worklog time.
    worklogSeconds: shown.has('jira.worklog') ? s.totals.seconds : 0,
  };
}
