import Button from '@atlaskit/button/new';
import { useRef, useState, type FormEvent } from 'react';
import type { DataSourceView } from '../../../../src/shared/admin-contract';
import type { FieldProblem } from '../../../../src/shared/field-messages';
import { call } from '../../../shared/call';
import { localDay } from '../format';
import { useFieldErrors } from '../useFieldErrors';
import { DateField } from './DateField';
import { ErrorBanner } from './Field';

/** What the admin can be told before asking the app: the server checks the same and more. */
function rangeProblems(since: string, until: string, today: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!since) out.push({ field: 'since', message: 'From: required' });
  else if (since > today) out.push({ field: 'since', message: 'The start date is in the future: choose today or earlier.' });
  if (!until) out.push({ field: 'until', message: 'To: required' });
  else if (until > today) out.push({ field: 'until', message: 'The end date is in the future: choose today or earlier.' });
  else if (since && until < since) out.push({ field: 'until', message: 'The end date is before the start date.' });
  return out;
}

/** Date range (default: the configured history window) and a button that starts a sync of one source. */
export function FetchNow({ source, historyDays, onStarted, onClose }: { source: DataSourceView; historyDays: number; onStarted: () => void; onClose: () => void }) {
  const today = localDay(new Date());
  const [since, setSince] = useState(localDay(new Date(Date.now() - historyDays * 86_400_000)));
  const [until, setUntil] = useState(today);
  const [busy, setBusy] = useState(false);
  // A second click before the first answer would start a second run of the same fetch.
  const inFlight = useRef(false);
  const { errors, clear, show, showProblems, scope } = useFieldErrors();

  async function start(e: FormEvent) {
    e.preventDefault();
    if (inFlight.current) return;
    clear();
    const problems = rangeProblems(since, until, today);
    if (problems.length) return showProblems(problems);
    inFlight.current = true;
    setBusy(true);
    const r = await call('sources/fetch-now', { id: source.id, since, until });
    inFlight.current = false;
    setBusy(false);
    if (r.ok) onStarted();
    else show(r.error);
  }

  return (
    <form className="card" ref={scope} onSubmit={start} aria-label={`Fetch ${source.name} now`} noValidate>
      <div className="row bottom">
        <DateField label="From" value={since} max={today} onChange={setSince} error={errors.fields.since} />
        <DateField label="To (included)" value={until} max={today} onChange={setUntil} error={errors.fields.until} />
        <Button appearance="primary" type="submit" isLoading={busy}>Start fetch</Button>
        <Button appearance="subtle" onClick={onClose}>Close</Button>
      </div>
      <ErrorBanner message={errors.form ?? errors.fields.id} />
    </form>
  );
}
