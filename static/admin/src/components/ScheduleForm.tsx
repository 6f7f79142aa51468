import Button from '@atlaskit/button/new';
import { useState, type FormEvent } from 'react';
import type { Settings } from '../../../../src/shared/admin-contract';
import { call } from '../../../shared/call';
import { flagSuccess } from '../flags';
import { useSaveForm } from '../useSaveForm';
import { ErrorBanner, Field } from './Field';

/** How often to sync and how far back: both errors at once, the focus on the first. */
export function ScheduleForm({ settings, onSettings }: { settings: Settings; onSettings: (s: Settings) => void }) {
  const [interval, setIntervalMin] = useState(String(settings.syncIntervalMinutes));
  const [days, setDays] = useState(String(settings.historyDays));
  const { errors, scope, busy, submit } = useSaveForm();

  async function save(e: FormEvent) {
    const saved = await submit(e, () => call('settings/save-sync', { syncIntervalMinutes: Number(interval), historyDays: Number(days) }));
    if (saved) { onSettings(saved); flagSuccess('Schedule saved.'); }
  }

  return (
    <form className="card" ref={scope} onSubmit={save} aria-label="Schedule" noValidate>
      <h3>Schedule</h3>
      <div className="row top">
        <Field label="Sync every (minutes)" type="number" value={interval} onChange={setIntervalMin} error={errors.fields.syncIntervalMinutes} help="5 to 10080. The app checks every 5 minutes and syncs when this much time has passed." />
        <Field label="History window (days)" type="number" value={days} onChange={setDays} error={errors.fields.historyDays} help="1 to 365. How far back a first fetch, and a newly mapped teammate, goes." />
      </div>
      <ErrorBanner message={errors.form} />
      <div className="row actions"><Button appearance="primary" type="submit" isLoading={busy}>Save schedule</Button></div>
    </form>
  );
}
