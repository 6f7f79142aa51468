import { useEffect, useState } from 'react';
import type { Settings } from '../../../../src/shared/admin-contract';
import type { Diagnostic, SyncRunView } from '../../../../src/shared/admin-contract';
import { kindCountLabel } from '../../../../src/shared/activity-kinds';
import { call } from '../../../shared/call';
import { formatDateTime, formatDuration } from '../format';
import { useFieldErrors } from '../useFieldErrors';
import { ErrorBanner, Field } from './Field';
import { RunProgress } from './RunProgress';

const STATUS_TEXT: Record<SyncRunView['status'], [string, string]> = {
  queued: ['Queued', 'neutral'],
  running: ['Running', 'info'],
  succeeded: ['Done', 'success'],
  partial: ['Partly done', 'warning'],
  'rate-limited': ['Paused: rate limited', 'warning'],
  failed: ['Failed', 'danger'],
  cancelled: ['Cancelled', 'neutral'],
};

function History({ runs }: { runs: SyncRunView[] }) {
  if (runs.length === 0) return <p>No runs yet.</p>;
  return (
    <table aria-label="Run history">
      <thead><tr><th>When</th><th>Source</th><th>Status</th><th>How long</th><th>Activities</th><th>REST calls</th><th>429s</th><th>Problems</th></tr></thead>
      <tbody>
        {runs.map((r) => {
          const [label, tone] = STATUS_TEXT[r.status];
          const kinds = Object.entries(r.countsByKind).filter(([, n]) => n > 0);
          return (
            <tr key={r.id} data-testid="run-row">
              <td>{formatDateTime(r.startedAt)}<div className="subtlest">{r.reason}</div></td>
              <td>{r.dataSourceName}</td>
              <td><span className={`lozenge ${tone}`}>{label}</span></td>
              <td>{formatDuration(r.durationMs)}</td>
              <td>{r.progress.activities}{kinds.length ? <div className="subtlest">{kinds.map(([k, n]) => `${n} ${kindCountLabel(k)}`).join(', ')}</div> : null}</td>
              <td>{r.restCalls}</td>
              <td>{r.rateLimited}</td>
              <td>{r.errors.length === 0 ? '—' : <ul style={{ margin: 0, paddingLeft: 16 }}>{r.errors.slice(0, 4).map((e, i) => <li key={i}>{e.message}</li>)}</ul>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Diagnostics({ findings }: { findings: Diagnostic[] }) {
  if (findings.length === 0) return <div className="banner success">Nothing stands in the way: sources work, teammates are mapped and recent runs found activity.</div>;
  return (
    <div data-testid="diagnostics">
      {findings.map((f) => (
        <div key={f.id} className={`banner ${f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'info'}`}>
          <strong>{f.title}</strong>
          <p>{f.detail}</p>
        </div>
      ))}
    </div>
  );
}

export function SyncTab({ settings, onSettings, runsVersion }: { settings: Settings; onSettings: (s: Settings) => void; runsVersion: number }) {
  const [interval, setIntervalMin] = useState(String(settings.syncIntervalMinutes));
  const [days, setDays] = useState(String(settings.historyDays));
  const [runs, setRuns] = useState<SyncRunView[]>([]);
  const [findings, setFindings] = useState<Diagnostic[]>();
  const [saved, setSaved] = useState(false);
  const [version, setVersion] = useState(0);
  const { errors, clear, show, scope } = useFieldErrors();

  useEffect(() => {
    void call('sync/history', { limit: 20 }).then((r) => r.ok && setRuns(r.data.runs));
    void call('sync/diagnostics', {}).then((r) => r.ok && setFindings(r.data.findings));
  }, [runsVersion, version]);

  async function save() {
    clear();
    setSaved(false);
    const r = await call('settings/save-sync', { syncIntervalMinutes: Number(interval), historyDays: Number(days) });
    if (r.ok) { onSettings(r.data); setSaved(true); } else show(r.error);
  }

  return (
    <div>
      <div className="card" ref={scope}>
        <h3>Schedule</h3>
        <div className="row" style={{ alignItems: 'flex-start' }}>
          <Field label="Sync every (minutes)" type="number" value={interval} onChange={setIntervalMin} error={errors.fields.syncIntervalMinutes} help="5 to 10080. The app checks every 5 minutes and syncs when this much time has passed." />
          <Field label="History window (days)" type="number" value={days} onChange={setDays} error={errors.fields.historyDays} help="1 to 365. How far back a first fetch, and a newly mapped teammate, goes." />
        </div>
        <ErrorBanner message={errors.form} />
        <div className="row"><button className="btn primary" type="button" onClick={save}>Save schedule</button>{saved ? <span role="status">Saved.</span> : null}</div>
      </div>
      <h2>In progress</h2>
      <RunProgress kick={runsVersion} idleText="Nothing is running." onFinished={() => setVersion((v) => v + 1)} />
      <h2>Run history</h2>
      <History runs={runs} />
      <h2>No data after a fetch?</h2>
      {findings ? <Diagnostics findings={findings} /> : <p>Checking…</p>}
    </div>
  );
}
