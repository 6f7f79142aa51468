import { ACTIVITY_KINDS, KIND_TOTAL_LABELS } from '../../../../src/shared/activity-kinds';
import type { DashboardContext, DashboardSummary } from '../../../../src/shared/dashboard-contract';
import { placeLabel, withFilters, type FieldError, type ViewState } from '../url-state';

type Patch = Parameters<typeof withFilters>[1];

/** Every filter writes to the URL (through onChange), so a view can be bookmarked and shared. */
export function FilterBar({
  ctx,
  view,
  summary,
  onChange,
  rangeProblem,
}: {
  ctx: DashboardContext;
  view: ViewState;
  summary: DashboardSummary | null;
  onChange: (v: ViewState) => void;
  rangeProblem: FieldError | null;
}) {
  const errorAt = (field: 'from' | 'to') =>
    rangeProblem?.field === field ? { 'aria-invalid': true, 'aria-describedby': 'range-error' } : {};
  const f = view.filters;
  const set = (patch: Patch) => onChange(withFilters(view, patch));
  const mates = ctx.teammates.filter((t) => !f.teamId || t.teamId === f.teamId);
  const kinds = ACTIVITY_KINDS.filter((k) => !f.source || k.startsWith(`${f.source}.`));
  const range = f.range ?? '30d';
  const custom = range === 'custom';
  return (
    <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        Dates
        <select data-testid="filter-range" value={range} onChange={(e) => set(customPatch(e.target.value, summary))}>
          <option value="7d">Last 7 days</option>
          <option value="30d">Last 30 days</option>
          <option value="90d">Last 90 days</option>
          <option value="custom">Custom…</option>
        </select>
      </label>
      {custom && (
        <>
          <label>
            From
            <input type="date" data-testid="filter-from" value={f.from ?? ''} max={ctx.today} onChange={(e) => set({ from: e.target.value })} {...errorAt('from')} />
          </label>
          <label>
            To
            <input type="date" data-testid="filter-to" value={f.to ?? ''} max={ctx.today} onChange={(e) => set({ to: e.target.value })} {...errorAt('to')} />
          </label>
          {rangeProblem && (
            <p className="error field-error" id="range-error" role="alert" data-testid="range-error">
              {rangeProblem.message} Showing {summary ? `${summary.range.from} to ${summary.range.to}` : 'the last valid range'}.
            </p>
          )}
        </>
      )}
      <label>
        Team
        <select data-testid="filter-team" value={f.teamId ?? ''} onChange={(e) => set({ teamId: e.target.value, teammateId: undefined })}>
          <option value="">All teams</option>
          {ctx.teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Teammate
        <select data-testid="filter-teammate" value={f.teammateId ?? ''} onChange={(e) => set({ teammateId: e.target.value })}>
          <option value="">Everyone</option>
          {mates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Product
        <select data-testid="filter-source" value={f.source ?? ''} onChange={(e) => set({ source: e.target.value, kind: undefined })}>
          <option value="">Jira and Confluence</option>
          <option value="jira">Jira</option>
          <option value="confluence">Confluence</option>
        </select>
      </label>
      {ctx.dataSources.length > 1 && (
        <label>
          Site
          <select data-testid="filter-data-source" value={f.dataSourceId ?? ''} onChange={(e) => set({ dataSourceId: e.target.value, container: undefined })}>
            <option value="">All sites</option>
            {ctx.dataSources.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Kind
        <select data-testid="filter-kind" value={f.kind ?? ''} onChange={(e) => set({ kind: e.target.value })}>
          <option value="">All kinds</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {KIND_TOTAL_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Project or space
        <select data-testid="filter-container" value={f.container ?? ''} onChange={(e) => set({ container: e.target.value })}>
          <option value="">All</option>
          {f.container && !summary?.containerOptions.some((o) => o.key === f.container) && <option value={f.container}>The chosen project or space</option>}
          {(summary?.containerOptions ?? []).map((o) => (
            <option key={o.key} value={o.key}>
              {placeLabel(o, o.label, ctx.dataSources)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="link" data-testid="filter-clear" onClick={() => onChange({ ...view, filters: {} })}>
        Clear filters
      </button>
    </form>
  );
}

/** Switching to a custom range starts from the days currently shown. */
function customPatch(range: string, summary: DashboardSummary | null): Patch {
  if (range !== 'custom') return { range };
  return { range, from: summary?.range.from, to: summary?.range.to };
}
