import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import { ACTIVITY_KINDS, KIND_TOTAL_LABELS } from '../../../../src/shared/activity-kinds';
import type { DashboardSummary } from '../../../../src/shared/dashboard-contract';
import { TeammateAvatar } from '../../../shared/teammate-avatar';
import { formatHours } from '../labels';

type Row = DashboardSummary['teammates'][number];

/**
 * Per-teammate counts. Sorted by name unless the viewer picks a column: the table shows
 * activity, it does not rank people.
 */
export function TeammateTable({ summary, focusedId, onFocus }: { summary: DashboardSummary; focusedId?: string; onFocus: (id: string | undefined) => void }) {
  const kinds = ACTIVITY_KINDS.filter((k) => summary.totals.byKind.some((b) => b.kind === k));
  const head = {
    cells: [
      { key: 'name', content: 'Teammate', isSortable: true },
      ...kinds.map((k) => ({ key: k, content: KIND_TOTAL_LABELS[k], isSortable: true })),
      { key: 'total', content: 'Total', isSortable: true },
      { key: 'seconds', content: 'Hours logged', isSortable: true },
      { key: 'lastActive', content: 'Last active', isSortable: true },
    ],
  };
  const rows = summary.teammates.map((r: Row) => ({
    key: r.teammateId,
    testId: `teammate-row-${r.teammateId}`,
    isHighlighted: r.teammateId === focusedId,
    cells: [
      {
        key: r.name,
        content: (
          <span className="who">
            <TeammateAvatar name={r.name} src={r.avatarUrl} />
            <Button appearance="subtle" spacing="compact" aria-pressed={r.teammateId === focusedId} onClick={() => onFocus(r.teammateId === focusedId ? undefined : r.teammateId)}>
              {r.name}
            </Button>
          </span>
        ),
      },
      ...kinds.map((k) => ({ key: r.counts[k] ?? 0, content: <span data-kind={k}>{r.counts[k] ?? 0}</span> })),
      { key: r.total, content: <span data-testid="row-total">{r.total}</span> },
      { key: r.seconds, content: formatHours(r.seconds) },
      { key: r.lastActive ?? '', content: r.lastActive ?? '—' },
    ],
  }));
  return (
    <section className="panel" aria-label="Teammates" data-testid="teammate-table">
      <h2 id="teammates-title">Teammates</h2>
      <div className="table-scroll">
        <DynamicTable head={head} rows={rows} defaultSortKey="name" defaultSortOrder="ASC" label="Teammates" />
      </div>
    </section>
  );
}
