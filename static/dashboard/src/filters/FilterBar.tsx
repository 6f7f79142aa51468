import Button from '@atlaskit/button/new';
import type { DashboardContext, DashboardSummary } from '../../../../src/shared/dashboard-contract';
import { withFilters, type FieldError, type ViewState } from '../url-state';
import { kindChoices, placeChoices, RANGE_CHOICES, siteChoices, SOURCE_CHOICES, teamChoices, teammateChoices } from './choices';
import { FilterSelect } from './FilterSelect';
import { RangeFields } from './RangeFields';

type Patch = Parameters<typeof withFilters>[1];

/** Every filter writes to the URL (through onChange), so a view can be bookmarked and shared. */
export default function FilterBar({
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
  const f = view.filters;
  const set = (patch: Patch) => onChange(withFilters(view, patch));
  // Switching to a custom range starts from the days currently shown.
  const setRange = (range: string) => set(range === 'custom' ? { range, from: summary?.range.from, to: summary?.range.to } : { range });
  return (
    <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <FilterSelect id="range" label="Dates" choices={RANGE_CHOICES} value={f.range ?? '30d'} onChange={setRange} />
      {f.range === 'custom' && <RangeFields filters={f} today={ctx.today} summary={summary} problem={rangeProblem} onChange={set} />}
      <FilterSelect id="team" label="Team" choices={teamChoices(ctx)} value={f.teamId ?? ''} onChange={(teamId) => set({ teamId, teammateId: undefined })} />
      <FilterSelect id="teammate" label="Teammate" choices={teammateChoices(ctx, f)} value={f.teammateId ?? ''} onChange={(teammateId) => set({ teammateId })} />
      <FilterSelect id="source" label="Product" choices={SOURCE_CHOICES} value={f.source ?? ''} onChange={(source) => set({ source, kind: undefined })} />
      {ctx.dataSources.length > 1 && (
        <FilterSelect id="data-source" label="Site" choices={siteChoices(ctx)} value={f.dataSourceId ?? ''} onChange={(dataSourceId) => set({ dataSourceId, container: undefined })} />
      )}
      <FilterSelect id="kind" label="Kind" choices={kindChoices(f)} value={f.kind ?? ''} onChange={(kind) => set({ kind })} />
      <FilterSelect id="container" label="Project or space" choices={placeChoices(ctx, f, summary)} value={f.container ?? ''} onChange={(container) => set({ container })} />
      <div className="filter-actions">
        <Button appearance="subtle" testId="filter-clear" onClick={() => onChange({ ...view, filters: {} })}>
          Clear filters
        </Button>
      </div>
    </form>
  );
}
