import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DashboardContext, DashboardSummary } from '../../../src/shared/dashboard-contract';
import type { ResultError } from '../../../src/shared/result';
import { call } from '../../shared/call';
import { AccessDenied } from './components/AccessDenied';
import { ActivityChart } from './components/ActivityChart';
import { CalendarHeatmap } from './components/CalendarHeatmap';
import { EmptyState } from './components/EmptyState';
import { ErrorBanner } from './components/ErrorBanner';
import { Feed } from './components/Feed';
import { FilterBar } from './components/FilterBar';
import { TeammateTable } from './components/TeammateTable';
import { TopPlaces } from './components/TopPlaces';
import { Totals } from './components/Totals';
import { parseView, rangeError, serializeView, withFilters, type ViewState } from './url-state';

export interface RouterHistory {
  location: { pathname: string; search: string };
  push(to: string | { pathname?: string; search?: string }): void;
  listen(listener: (update: { location: { search: string } }) => void): () => void;
}

export function App({ history }: { history: RouterHistory }) {
  const [view, setView] = useState<ViewState>(() => parseView(history.location.search));
  const [ctx, setCtx] = useState<DashboardContext | null>(null);
  const [ctxError, setCtxError] = useState<ResultError | null>(null);
  const [summary, setSummary] = useState<DashboardSummary | null>(null);
  const [summaryError, setSummaryError] = useState<ResultError | null>(null);
  const [loading, setLoading] = useState(false);
  const requestSeq = useRef(0);

  useEffect(
    () =>
      history.listen((update) => {
        // history v5 passes {location}; older shapes pass the location itself.
        const loc = (update as { location?: { search: string } }).location ?? (update as unknown as { search: string });
        setView(parseView(loc.search));
      }),
    [history],
  );

  const go = useCallback((next: ViewState) => history.push({ pathname: '/', search: serializeView(next) }), [history]);

  useEffect(() => {
    void call('dashboard/context', {}).then((r) => (r.ok ? setCtx(r.data) : setCtxError(r.error)));
  }, []);

  // An invalid custom range is not asked for: the last valid view stays on screen, the error at the field.
  const lastValid = useRef<ViewState>(view);
  const invalid = ctx ? rangeError(view.filters, ctx.today) : null;
  if (!invalid) lastValid.current = view;
  const shown = invalid ? lastValid.current : view;
  const viewKey = serializeView(shown);
  // Asked at once, beside the context: a refused viewer's summary answer is simply not shown.
  useEffect(() => {
    const seq = ++requestSeq.current;
    setLoading(true);
    void call('dashboard/summary', { filters: shown.filters, bucket: shown.bucket, split: shown.split }).then((r) => {
      // A slower, older answer must not replace a newer one.
      if (seq !== requestSeq.current) return;
      setLoading(false);
      if (r.ok) {
        setSummary(r.data);
        setSummaryError(null);
      } else setSummaryError(r.error);
    });
  }, [viewKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const filtersKey = useMemo(() => serializeView({ ...shown, bucket: 'day', split: 'kind' }), [shown]);
  const focus = (teammateId: string | undefined) => go(withFilters(view, { teammateId }));

  if (ctxError) return <ErrorBanner error={ctxError} />;
  if (!ctx) return <div className="page loading-page" data-testid="loading">Loading the team dashboard…</div>;
  if (!ctx.access.allowed) return <AccessDenied reason={ctx.access.reason} />;

  const focused = view.filters.teammateId ? ctx.teammates.find((t) => t.id === view.filters.teammateId) : undefined;
  return (
    <div className="page" data-testid="dashboard" aria-busy={loading}>
      <header className="header">
        <h1>Team activity</h1>
        {ctx.privacyMode && <span className="badge" data-testid="privacy-mode">Privacy mode: titles hidden</span>}
        {loading && <span className="updating" data-testid="updating">Updating…</span>}
      </header>
      <FilterBar ctx={ctx} view={view} summary={summary} onChange={go} rangeProblem={invalid} />
      {focused && (
        <div className="focus" data-testid="focus">
          Showing <strong>{focused.name}</strong>
          <button type="button" className="link" onClick={() => focus(undefined)}>
            Show the whole team
          </button>
        </div>
      )}
      {summaryError && <ErrorBanner error={summaryError} onReset={() => go({ filters: {}, bucket: 'day', split: 'kind' })} />}
      {!summary && !summaryError && <div className="skeleton" data-testid="summary-loading">Loading activity…</div>}
      {summary && summary.empty && <EmptyState reason={summary.empty} isAdmin={ctx.viewer.isAdmin} />}
      {summary && !setupMissing(summary) && (
        <div className={loading ? 'content stale' : 'content'}>
          <Totals summary={summary} />
          <ActivityChart
            summary={summary}
            onBucket={(bucket) => go({ ...view, bucket })}
            onSplit={(split) => go({ ...view, split })}
          />
          <div className="two-col">
            <CalendarHeatmap summary={summary} title={focused ? focused.name : 'The team'} />
            <TopPlaces summary={summary} sites={ctx.dataSources} onPick={(container) => go(withFilters(view, { container }))} />
          </div>
          <TeammateTable summary={summary} focusedId={view.filters.teammateId} onFocus={focus} />
        </div>
      )}
      {!(summary && setupMissing(summary)) && <Feed key={filtersKey} filters={shown.filters} />}
    </div>
  );
}

/** Before anyone is mapped or anything synced there is nothing to chart: only the reason shows. */
function setupMissing(s: DashboardSummary): boolean {
  return s.empty === 'no-teammates' || s.empty === 'no-sync';
}
