import { useState } from 'react';
import type { ConnectionTest, DataSourceView } from '../../../../src/shared/admin-contract';
import type { ConfluenceConnection } from '../../../../src/shared/confluence-connection';
import { call } from '../../../shared/call';
import { flagSuccess } from '../flags';
import { AccessLostNotice } from './AccessLostNotice';
import { ConfluenceNotConnected } from './ConfluenceNotConnected';
import { DeleteSourceDialog } from './DeleteSourceDialog';
import { FetchNow } from './FetchNow';
import { ErrorBanner } from './Field';
import { RunProgress } from './RunProgress';
import { SourceActions } from './SourceActions';
import { SourceDetails } from './SourceDetails';
import { SourceForm } from './SourceForm';
import { SourceStatus } from './SourceStatus';
import { TestResult } from './TestResult';

interface Props { ds: DataSourceView; historyDays: number; hostConfluence: ConfluenceConnection; reload: () => void; onRunFinished: () => void }

/** One data source: what it is, its health, its actions, and its fetch in progress. */
export function SourceCard({ ds, historyDays, hostConfluence, reload, onRunFinished }: Props) {
  const confluenceNotConnected = ds.kind === 'host' && hostConfluence === 'not-connected';
  const [mode, setMode] = useState<'view' | 'edit' | 'fetch' | 'delete'>('view');
  const [test, setTest] = useState<ConnectionTest>();
  const [testing, setTesting] = useState(false);
  const [error, setError] = useState<string>();
  const [kick, setKick] = useState(0);

  async function runTest() {
    setTesting(true);
    setError(undefined);
    const r = await call('sources/test', { id: ds.id });
    setTesting(false);
    if (!r.ok) return setError(r.error.message);
    setTest(r.data);
    if (r.data.enabledNow) {
      flagSuccess(`${ds.name} is enabled: its connection works.`);
      reload();
    }
  }
  async function toggle() {
    const r = await call('sources/set-enabled', { id: ds.id, enabled: !ds.enabled });
    if (r.ok) reload();
    else setError(r.error.message);
  }
  if (mode === 'edit') {
    return <SourceForm source={ds} onCancel={() => setMode('view')} onStored={reload} onSaved={(_, notes) => { setMode('view'); setTest(undefined); flagSuccess(`Saved ${ds.name}.`, notes.join(' ') || undefined); reload(); }} />;
  }
  return (
    <section className="card" aria-label={ds.name} data-testid={`source-${ds.id}`}>
      <div className="row spread">
        <div>
          <h3 className="card-title">{ds.name} <SourceStatus ds={ds} /></h3>
          <SourceDetails ds={ds} confluenceNotConnected={confluenceNotConnected} />
        </div>
        <SourceActions ds={ds} testing={testing} onTest={() => void runTest()} onFetch={() => setMode('fetch')} onEdit={() => setMode('edit')} onToggle={() => void toggle()} onDelete={() => setMode('delete')} />
      </div>
      <AccessLostNotice ds={ds} />
      {confluenceNotConnected ? <ConfluenceNotConnected /> : null}
      <ErrorBanner message={error} />
      {test ? <TestResult test={test} /> : null}
      {mode === 'fetch' ? <FetchNow source={ds} historyDays={historyDays} onClose={() => setMode('view')} onStarted={() => { setMode('view'); setKick((k) => k + 1); }} /> : null}
      {mode === 'delete' ? <DeleteSourceDialog ds={ds} onDeleted={reload} onError={setError} onClose={() => setMode('view')} /> : null}
      {kick > 0 ? <RunProgress kick={kick} dataSourceId={ds.id} onFinished={onRunFinished} /> : null}
    </section>
  );
}
