import { useState } from 'react';
import type { DataSourceView } from '../../../../src/shared/admin-contract';
import { call } from '../../../shared/call';
import { isoDay } from '../format';
import { useFieldErrors } from '../useFieldErrors';
import { ErrorBanner, Field } from './Field';

/** Date range (default: the configured history window) and a button that starts a sync of one source. */
export function FetchNow({ source, historyDays, onStarted, onClose }: { source: DataSourceView; historyDays: number; onStarted: () => void; onClose: () => void }) {
  const today = new Date();
  const [since, setSince] = useState(isoDay(new Date(today.getTime() - historyDays * 86_400_000)));
  const [until, setUntil] = useState(isoDay(today));
  const [busy, setBusy] = useState(false);
  const { errors, clear, show } = useFieldErrors();

  async function start() {
    setBusy(true);
    clear();
    const r = await call('sources/fetch-now', { id: source.id, since, until });
    setBusy(false);
    if (r.ok) onStarted();
    else show(r.error);
  }

  return (
    <div className="card" aria-label={`Fetch ${source.name} now`}>
      <div className="row">
        <Field label="From" type="date" value={since} onChange={setSince} error={errors.fields.since} />
        <Field label="To (included)" type="date" value={until} onChange={setUntil} error={errors.fields.until} />
        <button className="btn primary" type="button" onClick={start} disabled={busy} style={{ alignSelf: 'flex-end' }}>
          {busy ? 'Starting…' : 'Start fetch'}
        </button>
        <button className="btn subtle" type="button" onClick={onClose} style={{ alignSelf: 'flex-end' }}>Close</button>
      </div>
      <ErrorBanner message={errors.form ?? errors.fields.id} />
    </div>
  );
}
