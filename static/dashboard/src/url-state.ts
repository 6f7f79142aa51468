import type { DashboardFiltersInput } from '../../../src/shared/dashboard-contract';

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
