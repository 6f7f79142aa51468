import { useCallback, useEffect, useRef, useState } from 'react';
import type { DashboardContext, DashboardSummary } from '../../../src/shared/dashboard-contract';
import type { ResultError } from '../../../src/shared/result';
import { askSummary, type Boot } from './boot';
import { parseView, rangeError, serializeView, type FieldError, type ViewState } from './url-state';

export interface Dashboard {
  view: ViewState;
  /** The view on screen: the last valid one while the custom range is invalid. */
  shown: ViewState;
  go: (next: ViewState) => void;
  ctx: DashboardContext | null;
  ctxError: ResultError | null;
  summary: DashboardSummary | null;
  summaryError: ResultError | null;
  loading: boolean;
  rangeProblem: FieldError | null;
}

/** The view in the URL, the context, and the summary of the view shown (newest answer wins). */
export function useDashboard({ history, context, takeSummary }: Boot): Dashboard {
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
  useEffect(() => void context.then((r) => (r.ok ? setCtx(r.data) : setCtxError(r.error))), [context]);

  // An invalid custom range is not asked for: the last valid view stays on screen, the error at the field.
  const lastValid = useRef<ViewState>(view);
  const rangeProblem = ctx ? rangeError(view.filters, ctx.today) : null;
  if (!rangeProblem) lastValid.current = view;
  const shown = rangeProblem ? lastValid.current : view;
  const viewKey = serializeView(shown);
  useEffect(() => {
    const seq = ++requestSeq.current;
    setLoading(true);
    void (takeSummary(viewKey) ?? askSummary(shown)).then((r) => {
      // A slower, older answer must not replace a newer one.
      if (seq !== requestSeq.current) return;
      setLoading(false);
      if (r.ok) {
        setSummary(r.data);
        setSummaryError(null);
      } else setSummaryError(r.error);
    });
  }, [viewKey]); // eslint-disable-line react-hooks/exhaustive-deps

  return { view, shown, go, ctx, ctxError, summary, summaryError, loading, rangeProblem };
}
