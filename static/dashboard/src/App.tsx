import { lazy, Suspense } from 'react';
import type { DashboardSummary } from '../../../src/shared/dashboard-contract';
import type { Boot } from './boot';
import { Header } from './components/Header';
import { PageLoading, PanelLoading } from './components/Loading';
import { Totals } from './components/Totals';
import { useDashboard } from './useDashboard';
import { withFilters } from './url-state';

// Everything but the totals is a chunk of its own, loaded beside the first answer: the totals
// never wait for code they do not need.
const AccessDenied = lazy(() => import('./components/AccessDenied').then((m) => ({ default: m.AccessDenied })));
const EmptyState = lazy(() => import('./components/EmptyState').then((m) => ({ default: m.EmptyState })));
const ErrorBanner = lazy(() => import('./components/ErrorBanner').then((m) => ({ default: m.ErrorBanner })));
const FocusBar = lazy(() => import('./components/FocusBar').then((m) => ({ default: m.FocusBar })));
const FilterBar = lazy(() => import('./filters/FilterBar'));
const Panels = lazy(() => import('./panels/Panels'));
const Feed = lazy(() => import('./feed/Feed'));

export function App({ boot }: { boot: Boot }) {
  return (
    <Suspense fallback={<PageLoading />}>
      <Dashboard boot={boot} />
    </Suspense>
  );
}

function Dashboard({ boot }: { boot: Boot }) {
  const { view, shown, go, ctx, ctxError, summary, summaryError, loading, rangeProblem } = useDashboard(boot);
  if (ctxError) return <ErrorBanner error={ctxError} />;
  if (!ctx) return <PageLoading />;
  if (!ctx.access.allowed) return <AccessDenied reason={ctx.access.reason} />;

  const focused = view.filters.teammateId ? ctx.teammates.find((t) => t.id === view.filters.teammateId) : undefined;
  const feedKey = JSON.stringify(shown.filters);
  return (
    <div className="page" data-testid="dashboard" aria-busy={loading}>
      <Header privacyMode={ctx.privacyMode} loading={loading} />
      <Suspense fallback={<div className="filters-placeholder" />}>
        <FilterBar ctx={ctx} view={view} summary={summary} onChange={go} rangeProblem={rangeProblem} />
      </Suspense>
      <Suspense fallback={null}>
        {focused && <FocusBar name={focused.name} onClear={() => go(withFilters(view, { teammateId: undefined }))} />}
        {summaryError && <ErrorBanner error={summaryError} onReset={() => go({ filters: {}, bucket: 'day', split: 'kind' })} />}
        {summary?.empty && <EmptyState reason={summary.empty} isAdmin={ctx.viewer.isAdmin} />}
      </Suspense>
      {!summary && !summaryError && <PanelLoading testId="summary-loading" label="Loading activity" />}
      {summary && !setupMissing(summary) && (
        <div className={loading ? 'content stale' : 'content'}>
          <Totals summary={summary} />
          <Suspense fallback={<PanelLoading label="Loading the charts" />}>
            <Panels ctx={ctx} view={view} summary={summary} focusedName={focused?.name} go={go} />
          </Suspense>
        </div>
      )}
      {!(summary && setupMissing(summary)) && (
        <Suspense fallback={<PanelLoading label="Loading the feed" />}>
          <Feed key={feedKey} filters={shown.filters} />
        </Suspense>
      )}
    </div>
  );
}

/** Before anyone is mapped or anything synced there is nothing to chart: only the reason shows. */
function setupMissing(s: DashboardSummary): boolean {
  return s.empty === 'no-teammates' || s.empty === 'no-sync';
}
