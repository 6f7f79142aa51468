import { ACTIVITY_KINDS, KIND_TOTAL_LABELS } from '../../../../src/shared/activity-kinds';
import type { DashboardContext, DashboardFiltersInput, DashboardSummary } from '../../../../src/shared/dashboard-contract';
import { placeLabel } from '../url-state';
import type { Choice } from './FilterSelect';

export const RANGE_CHOICES: Choice[] = [
  { value: '7d', label: 'Last 7 days' },
  { value: '30d', label: 'Last 30 days' },
  { value: '90d', label: 'Last 90 days' },
  { value: 'custom', label: 'Custom…' },
];

export const SOURCE_CHOICES: Choice[] = [
  { value: '', label: 'Jira and Confluence' },
  { value: 'jira', label: 'Jira' },
  { value: 'confluence', label: 'Confluence' },
];

export const teamChoices = (ctx: DashboardContext): Choice[] => [{ value: '', label: 'All teams' }, ...ctx.teams.map((t) => ({ value: t.id, label: t.name }))];

/** Only the teammates of the chosen team. */
export const teammateChoices = (ctx: DashboardContext, f: DashboardFiltersInput): Choice[] => [
  { value: '', label: 'Everyone' },
  ...ctx.teammates.filter((t) => !f.teamId || t.teamId === f.teamId).map((t) => ({ value: t.id, label: t.name })),
];

export const siteChoices = (ctx: DashboardContext): Choice[] => [{ value: '', label: 'All sites' }, ...ctx.dataSources.map((d) => ({ value: d.id, label: d.name }))];

/** Only the kinds of the chosen product. */
export const kindChoices = (f: DashboardFiltersInput): Choice[] => [
  { value: '', label: 'All kinds' },
  ...ACTIVITY_KINDS.filter((k) => !f.source || k.startsWith(`${f.source}.`)).map((k) => ({ value: k, label: KIND_TOTAL_LABELS[k] })),
];

/** Places told apart by type and site; a chosen place the summary no longer lists stays pickable. */
export function placeChoices(ctx: DashboardContext, f: DashboardFiltersInput, summary: DashboardSummary | null): Choice[] {
  const listed = summary?.containerOptions ?? [];
  const kept = f.container && !listed.some((o) => o.key === f.container) ? [{ value: f.container, label: 'The chosen project or space' }] : [];
  return [{ value: '', label: 'All' }, ...kept, ...listed.map((o) => ({ value: o.key, label: placeLabel(o, o.label, ctx.dataSources) }))];
}
