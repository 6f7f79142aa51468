import DynamicTable from '@atlaskit/dynamic-table';
import EmptyState from '@atlaskit/empty-state';
import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import type { SyncRunView } from '../../../../src/shared/admin-contract';
import { kindCountLabel } from '../../../../src/shared/activity-kinds';
import { formatDateTime, formatDuration } from '../format';

export const STATUS_TEXT: Record<SyncRunView['status'], [string, ThemeAppearance]> = {
  queued: ['Queued', 'default'],
  running: ['Running', 'inprogress'],
  succeeded: ['Done', 'success'],
  partial: ['Partly done', 'moved'],
  'rate-limited': ['Paused: rate limited', 'moved'],
  failed: ['Failed', 'removed'],
  cancelled: ['Cancelled', 'default'],
};

const HEAD = { cells: ['When', 'Source', 'Status', 'How long', 'Activities', 'REST calls', '429s', 'Problems'].map((c) => ({ key: c, content: c })) };

function cells(r: SyncRunView) {
  const [label, tone] = STATUS_TEXT[r.status];
  const kinds = Object.entries(r.countsByKind).filter(([, n]) => n > 0);
  return [
    <>{formatDateTime(r.startedAt)}<div className="subtlest">{r.reason}</div></>,
    r.dataSourceName,
    <Lozenge appearance={tone}>{label}</Lozenge>,
    formatDuration(r.durationMs),
    <>{r.progress.activities}{kinds.length ? <div className="subtlest">{kinds.map(([k, n]) => `${n} ${kindCountLabel(k)}`).join(', ')}</div> : null}</>,
    r.restCalls,
    r.rateLimited,
    r.errors.length === 0 ? '—' : <ul className="tight">{r.errors.slice(0, 4).map((e, i) => <li key={i}>{e.message}</li>)}</ul>,
  ].map((content, i) => ({ key: `${r.id}-${i}`, content }));
}

/** The last runs, newest first. */
export function RunHistory({ runs }: { runs?: SyncRunView[] }) {
  return (
    <DynamicTable
      caption="Run history"
      head={HEAD}
      rows={(runs ?? []).map((r) => ({ key: r.id, cells: cells(r), testId: 'run-row' }))}
      isLoading={runs === undefined}
      emptyView={<EmptyState header="No runs yet" description="Runs appear here after the first scheduled sync or Fetch now." headingLevel={3} />}
    />
  );
}
