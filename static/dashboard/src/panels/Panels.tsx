import type { DashboardContext, DashboardSummary } from '../../../../src/shared/dashboard-contract';
import { withFilters, type ViewState } from '../url-state';
import { ActivityChart } from './ActivityChart';
import { CalendarHeatmap } from './CalendarHeatmap';
import { TeammateTable } from './TeammateTable';
import { TopPlaces } from './TopPlaces';

/** The chart, heatmap, top places and teammate table: one lazily loaded chunk below the totals. */
export default function Panels({
  ctx,
  view,
  summary,
  focusedName,
  go,
}: {
  ctx: DashboardContext;
  view: ViewState;
  summary: DashboardSummary;
  focusedName?: string;
  go: (v: ViewState) => void;
}) {
  return (
    <>
      <ActivityChart summary={summary} onBucket={(bucket) => go({ ...view, bucket })} onSplit={(split) => go({ ...view, split })} />
      <div className="two-col">
        <CalendarHeatmap summary={summary} title={focusedName ?? 'The team'} />
        <TopPlaces summary={summary} sites={ctx.dataSources} onPick={(container) => go(withFilters(view, { container }))} />
      </div>
      <TeammateTable summary={summary} focusedId={view.filters.teammateId} onFocus={(teammateId) => go(withFilters(view, { teammateId }))} />
    </>
  );
}
