import { router } from '@forge/bridge';
import { useEffect, useState } from 'react';
import { KIND_TOTAL_LABELS, plural } from '../../../../src/shared/activity-kinds';
import type { DashboardFiltersInput, FeedEvent } from '../../../../src/shared/dashboard-contract';
import type { ResultError } from '../../../../src/shared/result';
import { call } from '../../../shared/call';
import { zoneLabel } from '../../../../src/shared/zoned-time';
import { formatHours, formatWhen, viewerTimeZone } from '../labels';

const RESTRICTION_HINT = {
  'privacy-mode': 'Titles are hidden in privacy mode',
  permission: 'You may not browse this project or space',
  'restricted-item': 'This issue or page is restricted (security level or page restriction)',
} as const;

const PAGE = 25;
const MAX_EXPORT_CHUNKS = 50;

/** Individual events, newest first, a page at a time; remounted whenever the filters change. */
export function Feed({ filters }: { filters: DashboardFiltersInput }) {
  const [events, setEvents] = useState<FeedEvent[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResultError | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const timeZone = viewerTimeZone();

  const load = async (from?: string) => {
    setBusy(true);
    const r = await call('dashboard/feed', { filters, limit: PAGE, ...(from ? { cursor: from } : {}) });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setEvents((prev) => [...prev, ...r.data.events]);
    setCursor(r.data.nextCursor);
    setDone(!r.data.nextCursor);
  };
  useEffect(() => {
    void load();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const download = async () => {
    setExporting('Preparing the CSV…');
    let csv = '';
    let rows = 0;
    let next: string | undefined;
    for (let i = 0; i < MAX_EXPORT_CHUNKS; i++) {
      const r = await call('dashboard/export', { filters, timeZone, ...(next ? { cursor: next } : {}) });
      if (!r.ok) return setExporting(`The export failed: ${r.error.message}`);
      csv += r.data.csv;
      rows += r.data.rows;
      next = r.data.nextCursor;
      setExporting(`Preparing the CSV… ${rows} rows`);
      if (!next) break;
    }
    const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `activitypulse-${filters.range === 'custom' ? `${filters.from}-to-${filters.to}` : (filters.range ?? '30d')}.csv`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    setExporting(next ? `Exported the first ${plural(rows, 'row', 'rows')} (narrow the filters for the rest).` : `Exported ${plural(rows, 'row', 'rows')}.`);
  };

  return (
    <section className="panel" aria-label="Activity feed" data-testid="feed">
      <div className="panel-head">
        <h2>Latest activity</h2>
        <button type="button" data-testid="export-csv" onClick={() => void download()} disabled={exporting === 'Preparing the CSV…'}>
          Export CSV
        </button>
      </div>
      {exporting && <p className="muted" data-testid="export-status">{exporting}</p>}
      {error && <p className="error" role="alert">{error.message}</p>}
      <ol className="feed">
        {events.map((e) => (
          <li key={e.id} data-testid="feed-item" data-id={e.id} data-restricted={e.restricted ?? ''}>
            <time dateTime={e.at} title={zoneLabel(e.at, timeZone)}>
              {formatWhen(e.at, timeZone)}
            </time>
            <span className="who">{e.teammateName}</span>
            <span className={`kind kind-${e.source}`}>{KIND_TOTAL_LABELS[e.kind]}</span>
            {e.container.key !== null && <span className="where">{e.container.key}</span>}
            {e.title !== null && e.url !== null ? (
              <a
                href={e.url}
                target="_blank"
                rel="noreferrer"
                data-testid="feed-link"
                onClick={(ev) => {
                  ev.preventDefault();
                  void router.open(e.url as string).catch(() => window.open(e.url as string, '_blank', 'noopener'));
                }}
              >
                {e.entityKey && e.source === 'jira' ? `${e.entityKey} ` : ''}
                {e.title}
              </a>
            ) : (
              <span className="restricted" data-testid="feed-restricted" title={RESTRICTION_HINT[e.restricted ?? 'permission']}>
                restricted
              </span>
            )}
            {e.seconds !== undefined && <span className="muted">{formatHours(e.seconds)}</span>}
          </li>
        ))}
      </ol>
      {events.length === 0 && !busy && !error && <p className="muted" data-testid="feed-empty">No events for these filters.</p>}
      {busy && <p className="muted" data-testid="feed-loading">Loading events…</p>}
      {!done && !busy && events.length > 0 && (
        <button type="button" data-testid="feed-more" onClick={() => void load(cursor)}>
          Show more
        </button>
      )}
      {!done && !busy && events.length === 0 && cursor && (
        <button type="button" data-testid="feed-more" onClick={() => void load(cursor)}>
          Keep searching older events
        </button>
      )}
    </section>
  );
}
