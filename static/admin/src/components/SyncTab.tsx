import { useEffect, useState } from 'react';
import type { Diagnostic, Settings, SyncRunView } from '../../../../src/shared/admin-contract';
import { call } from '../../../shared/call';
import { Diagnostics } from './Diagnostics';
import { RunHistory } from './RunHistory';
import { RunProgress } from './RunProgress';
import { ScheduleForm } from './ScheduleForm';

export function SyncTab({ settings, onSettings, runsVersion }: { settings: Settings; onSettings: (s: Settings) => void; runsVersion: number }) {
  const [runs, setRuns] = useState<SyncRunView[]>();
  const [findings, setFindings] = useState<Diagnostic[]>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void call('sync/history', { limit: 20 }).then((r) => setRuns(r.ok ? r.data.runs : []));
    void call('sync/diagnostics', {}).then((r) => r.ok && setFindings(r.data.findings));
  }, [runsVersion, version]);

  return (
    <div>
      <ScheduleForm settings={settings} onSettings={onSettings} />
      <h2>In progress</h2>
      <RunProgress kick={runsVersion} idleText="Nothing is running." onFinished={() => setVersion((v) => v + 1)} />
      <RunHistory runs={runs} />
      <h2>No data after a fetch?</h2>
      <Diagnostics findings={findings} />
    </div>
  );
}
