import { MAX_RANGE_DAYS, type DashboardContext, type DashboardFiltersInput } from '../../../src/shared/dashboard-contract';

/**
 * The view in the URL: every filter under its contract field name (range, from, to, teamId,
 * teammateId, source, dataSourceId, kind, container), plus how the chart is drawn. The server
 * validates the values; here we only keep the known names.
 */
export interface ViewState {
  filters: DashboardFiltersInput;
  bucket: 'day' | 'week';
  split: 'kind' | 'teammate';
}

const FILTER_FIELDS = ['range', 'from', 'to', 'teamId', 'teammateId', 'source', 'dataSourceId', 'kind', 'container'] as const;

export function parseView(search: string): ViewState {
  const q = new URLSearchParams(search);
  const filters: Record<string, string> = {};
  for (const f of FILTER_FIELDS) {
    const v = q.get(f);
    if (v) filters[f] = v;
  }
  // A link with only from/to (e.g. from the gadget) means a custom range.
  if (!filters.range && filters.from && filters.to) filters.range = 'custom';
  if (filters.range !== 'custom') {
    delete filters.from;
    delete filters.to;
  }
  return {
    filters: filters as DashboardFiltersInput,
    bucket: q.get('bucket') === 'week' ? 'week' : 'day',
    split: q.get('split') === 'teammate' ? 'teammate' : 'kind',
  };
}

export function serializeView(v: ViewState): string {
  const q = new URLSearchParams();
  for (const f of FILTER_FIELDS) {
    const value = (v.filters as Record<string, string | undefined>)[f];
    if (value) q.set(f, value);
  }
  if (v.bucket !== 'day') q.set('bucket', v.bucket);
  if (v.split !== 'kind') q.set('split', v.split);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Changes some filters; clearing a value removes it. Picking a preset drops custom days. */
export function withFilters(v: ViewState, patch: Partial<Record<keyof DashboardFiltersInput, string | undefined>>): ViewState {
  const next: Record<string, string | undefined> = { ...(v.filters as Record<string, string | undefined>), ...patch };
  for (const k of Object.keys(next)) if (!next[k]) delete next[k];
  if (next.range !== 'custom') {
    delete next.from;
    delete next.to;
  }
  return { ...v, filters: next as DashboardFiltersInput };
}

export interface FieldError {
  field: 'from' | 'to';
  message: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (d: string | undefined): d is string => !!d && DAY.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/**
 * What is wrong with a custom range, at the field to fix, before anything is asked: the page
 * keeps showing the last valid range meanwhile (the server checks the same rules).
 */
export function rangeError(f: DashboardFiltersInput, today: string): FieldError | null {
  if (f.range !== 'custom') return null;
  if (!isDay(f.from)) return { field: 'from', message: 'Pick a start day.' };
  if (!isDay(f.to)) return { field: 'to', message: 'Pick an end day.' };
  if (f.from > today) return { field: 'from', message: 'The start day is in the future.' };
  if (f.to < f.from) return { field: 'to', message: 'The end day is before the start day.' };
  const span = (Date.parse(`${f.to}T00:00:00Z`) - Date.parse(`${f.from}T00:00:00Z`)) / 86_400_000 + 1;
  if (span > MAX_RANGE_DAYS) return { field: 'to', message: `A range may span at most ${MAX_RANGE_DAYS} days.` };
  return null;
}

/**
 * A project or space told apart from one with the same key elsewhere: its type always, its site
 * when more than one is connected (`ENG · Engineering (project, acme.atlassian.net)`).
 */
export function placeLabel(place: { key: string; type: 'project' | 'space' }, name: string, sites: DashboardContext['dataSources']): string {
  const siteId = place.key.split('/')[0];
  const site = sites.length > 1 ? sites.find((s) => s.id === siteId)?.name : undefined;
  return `${name} (${place.type}${site ? `, ${site}` : ''})`;
}
