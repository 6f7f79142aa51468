import { plural } from '../../../../src/shared/activity-kinds';
import type { DashboardFiltersInput } from '../../../../src/shared/dashboard-contract';
import { call } from '../../../shared/call';

const MAX_EXPORT_CHUNKS = 50;
export const PREPARING = 'Preparing the CSV…';

/** Asks for the CSV a chunk at a time, reporting progress, then hands the file to the browser. */
export async function exportCsv(filters: DashboardFiltersInput, timeZone: string, report: (status: string) => void): Promise<void> {
  report(PREPARING);
  let csv = '';
  let rows = 0;
  let next: string | undefined;
  for (let i = 0; i < MAX_EXPORT_CHUNKS; i++) {
    const r = await call('dashboard/export', { filters, timeZone, ...(next ? { cursor: next } : {}) });
    if (!r.ok) return report(`The export failed: ${r.error.message}`);
    csv += r.data.csv;
    rows += r.data.rows;
    next = r.data.nextCursor;
    report(`${PREPARING} ${rows} rows`);
    if (!next) break;
  }
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  a.download = `activitypulse-${filters.range === 'custom' ? `${filters.from}-to-${filters.to}` : (filters.range ?? '30d')}.csv`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  report(next ? `Exported the first ${plural(rows, 'row', 'rows')} (narrow the filters for the rest).` : `Exported ${plural(rows, 'row', 'rows')}.`);
}
