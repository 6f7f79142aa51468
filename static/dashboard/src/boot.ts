import { view } from '@forge/bridge';
import type { DashboardContext, DashboardSummary } from '../../../src/shared/dashboard-contract';
import type { Result } from '../../../src/shared/result';
import { call } from '../../shared/call';
import { parseView, serializeView, type ViewState } from './url-state';

export interface RouterHistory {
  location: { pathname: string; search: string };
  push(to: string | { pathname?: string; search?: string }): void;
  listen(listener: (update: { location: { search: string } }) => void): () => void;
}

type SummaryAnswer = Promise<Result<DashboardSummary>>;

/** What the page starts before React mounts, so the first answers are not a render waterfall. */
export interface Boot {
  history: RouterHistory;
  context: Promise<Result<DashboardContext>>;
  /** The first view's summary, already asked for; handed out once, to the view it was asked for. */
  takeSummary(viewKey: string): SummaryAnswer | undefined;
}

export const askSummary = (v: ViewState): SummaryAnswer => call('dashboard/summary', { filters: v.filters, bucket: v.bucket, split: v.split });

/**
 * Asks for the context at once and for the summary as soon as the router says which view is
 * open; theming and the router are best effort (the page still works without either).
 */
export async function boot(): Promise<Boot> {
  const context = call('dashboard/context', {});
  const theme = view.theme.enable().catch(() => undefined);
  const history = ((await view.createHistory().catch(() => undefined)) as RouterHistory | undefined) ?? memoryHistory();
  const first = parseView(history.location.search);
  let pending: { key: string; answer: SummaryAnswer } | undefined = { key: serializeView(first), answer: askSummary(first) };
  await theme;
  return {
    history,
    context,
    takeSummary(viewKey) {
      const p = pending;
      pending = undefined;
      return p && p.key === viewKey ? p.answer : undefined;
    },
  };
}

/** Outside a host that provides a router, keep the view in memory (no bookmarking). */
function memoryHistory(): RouterHistory {
  const listeners = new Set<(u: { location: { search: string } }) => void>();
  const h: RouterHistory = {
    location: { pathname: '/', search: '' },
    push(to) {
      h.location = { pathname: '/', search: typeof to === 'string' ? to.slice(to.indexOf('?')) : (to.search ?? '') };
      listeners.forEach((l) => l({ location: h.location }));
    },
    listen(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return h;
}
