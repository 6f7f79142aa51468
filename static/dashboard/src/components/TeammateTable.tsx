import { useState } from 'react';
import { ACTIVITY_KINDS, KIND_TOTAL_LABELS, type ActivityKind } from '../../../../src/shared/activity-kinds';
import type { DashboardSummary } from '../../../../src/shared/dashboard-contract';
import { formatHours } from '../labels';

type SortKey = 'name' | 'total' | 'seconds' | 'lastActive' | ActivityKind;

/**
 * Per-teammate counts. Sorted by name unless the viewer picks a column: the table shows
 * activity, it does not rank people.
 */
export function TeammateTable({
  summary,
  focusedId,
  onFocus,
}: {
  summary: DashboardSummary;
  focusedId?: string;
  onFocus: (id: string | undefined) => void;
}) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'name', desc: false });
  const kinds = ACTIVITY_KINDS.filter((k) => summary.totals.byKind.some((b) => b.kind === k));
  const value = (r: DashboardSummary['teammates'][number], k: SortKey): string | number =>
    k === 'name' ? r.name : k === 'total' ? r.total : k === 'seconds' ? r.seconds : k === 'lastActive' ? (r.lastActive ?? '') : (r.counts[k] ?? 0);
  const rows = [...summary.teammates].sort((a, b) => {
    const va = value(a, sort.key);
    const vb = value(b, sort.key);
    const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
    return sort.desc ? -c : c;
  });
  const head = (k: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === k ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="th" onClick={() => setSort({ key: k, desc: sort.key === k ? !sort.desc : k !== 'name' })}>
        {label}
      </button>
    </th>
  );
  return (
    <section className="panel" aria-label="Teammates" data-testid="teammate-table">
      <h2>Teammates</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              {head('name', 'Teammate')}
              {kinds.map((k) => head(k, KIND_TOTAL_LABELS[k]))}
              {head('total', 'Total')}
              {head('seconds', 'Hours logged')}
              {head('lastActive', 'Last active')}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.teammateId} data-testid={`teammate-row-${r.teammateId}`} className={r.teammateId === focusedId ? 'focused' : ''}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => onFocus(r.teammateId === focusedId ? undefined : r.teammateId)}>
                    {r.name}
                  </button>
                </th>
                {kinds.map((k) => (
                  <td key={k} data-kind={k}>
                    {r.counts[k] ?? 0}
                  </td>
                ))}
                <td data-testid="row-total">{r.total}</td>
                <td>{formatHours(r.seconds)}</td>
                <td>{r.lastActive ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
