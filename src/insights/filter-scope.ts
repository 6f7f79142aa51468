import { ACTIVITY_KINDS, sourceOfKind, type ActivityKind } from '../domain/activity';
import type { TeammatesDoc } from '../domain/config';
import type { DashboardFilters } from '../shared/dashboard-contract';
import { fail, ok, type Result } from '../shared/result';
import type { RosterEntry } from './summary-shape';

/** The filters turned into sets the queries test against. */
export interface FilterScope {
  /** null = every teammate, including ones removed from the roster since. */
  teammateIds: ReadonlySet<string> | null;
  kinds: ReadonlySet<ActivityKind>;
  /** The rostered teammates in scope, in roster order. */
  roster: RosterEntry[];
  dataSourceId?: string;
  containerKey?: string;
}

export function buildFilterScope(filters: DashboardFilters, doc: TeammatesDoc): Result<FilterScope> {
  let members = doc.teammates;
  if (filters.teamId !== undefined) {
    if (!doc.teams.some((t) => t.id === filters.teamId)) {
      return fail('BAD_REQUEST', `There is no team with id "${filters.teamId}" (it may have been removed).`, 'filters.teamId');
    }
    members = members.filter((m) => m.teamId === filters.teamId);
  }
  let teammateIds: Set<string> | null = filters.teamId !== undefined ? new Set(members.map((m) => m.id)) : null;
  if (filters.teammateId !== undefined) {
    if (teammateIds !== null && !teammateIds.has(filters.teammateId)) {
      return fail('BAD_REQUEST', `Teammate "${filters.teammateId}" is not in the selected team.`, 'filters.teammateId');
    }
    teammateIds = new Set([filters.teammateId]);
    members = members.filter((m) => m.id === filters.teammateId);
  }
  const kinds = new Set(
    ACTIVITY_KINDS.filter(
      (k) => (filters.kind === undefined || k === filters.kind) && (filters.source === undefined || sourceOfKind(k) === filters.source),
    ),
  );
  return ok({
    teammateIds,
    kinds,
    roster: members.map((m) => ({ id: m.id, name: m.name, ...(m.teamId ? { teamId: m.teamId } : {}) })),
    ...(filters.dataSourceId !== undefined ? { dataSourceId: filters.dataSourceId } : {}),
    ...(filters.container !== undefined ? { containerKey: filters.container } : {}),
  });
}
