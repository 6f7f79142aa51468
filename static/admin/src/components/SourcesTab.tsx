import { useState } from 'react';
import type { ConnectionTest, DataSourceView } from '../../../../src/shared/admin-contract';
import { CONFLUENCE_NOT_CONNECTED, type ConfluenceConnection } from '../../../../src/shared/confluence-connection';
import { call } from '../../../shared/call';
import { formatDate } from '../format';
import { AccessLostNotice } from './AccessLostNotice';
import { FetchNow } from './FetchNow';
import { ErrorBanner } from './Field';
import { RunProgress } from './RunProgress';
import { SourceForm } from './SourceForm';
import { TestResult } from './TestResult';

interface Props {
  sources: DataSourceView[];
  historyDays: number;
  hostConfluence: ConfluenceConnection;
  reload: () => void;
  onRunFinished: () => void;
}

/** The host site's Confluence is an optional app of the installation: a state to explain, not an error. */
function ConfluenceNotConnected() {
  return (
    <div className="banner info" role="note" data-testid="confluence-not-connected">
      <strong>{CONFLUENCE_NOT_CONNECTED.title}</strong>
      <p>{CONFLUENCE_NOT_CONNECTED.meaning}</p>
      <p>{CONFLUENCE_NOT_CONNECTED.howTo}</p>
    </div>
  );
}

function SourceCard({ ds, historyDays, hostConfluence, reload, onRunFinished, onNotice }: { ds: DataSourceView; historyDays: number; hostConfluence: ConfluenceConnection; reload: () => void; onRunFinished: () => void; onNotice: (text: string) => void }) {
  const confluenceNotConnected = ds.kind === 'host' && hostConfluence === 'not-connected';
  const [mode, setMode] = useState<'view' | 'edit' | 'fetch'>('view');
  const [test, setTest] = useState<ConnectionTest>();
  const [testing, setTesting] = useState(false);
  const [error, setError] = useState<string>();
  const [kick, setKick] = useState(0);

  async function runTest() {
    setTesting(true);
    setError(undefined);
    const r = await call('sources/test', { id: ds.id });
    setTesting(false);
    if (r.ok) {
      setTest(r.data);
      // The first passing test enabled a source that was waiting for one.
      if (r.data.enabledNow) reload();
    } else setError(r.error.message);
  }
  async function toggle() {
    const r = await call('sources/set-enabled', { id: ds.id, enabled: !ds.enabled });
    if (r.ok) reload();
    else setError(r.error.message);
  }
  async function remove() {
    if (!window.confirm(`Delete ${ds.name}? Its token is deleted, teammates lose the IDs that applied only to it, and its activities are deleted from ActivityPulse.`)) return;
    const r = await call('sources/delete', { id: ds.id });
    if (!r.ok) return setError(r.error.message);
    if (r.data.purge?.continuing) onNotice(`${ds.name} was deleted. Its earlier activity is being deleted in the background; until then it counts on the dashboard with no titles.`);
    reload();
  }

  if (mode === 'edit') {
    return <SourceForm source={ds} onCancel={() => setMode('view')} onSaved={() => { setMode('view'); setTest(undefined); reload(); }} />;
  }
  return (
    <section className="card" aria-label={ds.name} data-testid={`source-${ds.id}`}>
      <div className="row spread">
        <div>
          <h3 style={{ margin: 0 }}>
            {ds.name}{' '}
            {ds.kind === 'host' ? <span className="lozenge info">This site</span> : null}{' '}
            <span className={`lozenge ${ds.enabled ? 'success' : 'neutral'}`}>{ds.enabled ? 'Enabled' : 'Disabled'}</span>{' '}
            {ds.failing ? <span className="lozenge danger">Failing</span> : null}
            {ds.awaitingTest ? <span className="lozenge neutral" title="Enabled by the first passing connection test">Waiting for a passing test</span> : null}
          </h3>
          <p className="subtle">
            Jira: {ds.jiraUrl}
            {confluenceNotConnected ? ' · Confluence: not connected to this app' : ds.confluenceUrl ? <> · Confluence: {ds.confluenceUrl}</> : ds.kind === 'host' ? ' · no Confluence on this site' : ''}
          </p>
          {ds.kind === 'host' ? (
            <p className="subtlest">Reached as the app: no credentials needed.</p>
          ) : (
            <p className="subtlest">
              {ds.jiraEmail} · {ds.jiraTokenSetAt ? `${ds.tokenKind === 'scoped' ? 'scoped ' : ''}API token set on ${formatDate(ds.jiraTokenSetAt)}` : 'no API token'}
              {ds.tokenKind === 'scoped' ? ' (through api.atlassian.com)' : ''}
              {ds.confluenceUrl ? ` · Confluence: ${ds.confluenceEmail || 'Jira email'}, ${ds.confluenceTokenSetAt ? `own token set on ${formatDate(ds.confluenceTokenSetAt)}` : 'Jira token'}` : ''}
            </p>
          )}
          {ds.kind === 'cloud' ? (
            <p className="subtlest" data-testid="title-groups">
              Titles shown to: Jira administrators and {ds.viewGroups?.length ? ds.viewGroups.join(', ') : 'the dashboard groups'}
              {ds.showRestrictedTitles ? ', restricted items included' : '; restricted issues and pages counted only'}
            </p>
          ) : null}
          {ds.failing ? <p className="error-text">Failing since {formatDate(ds.failing.since)}: {ds.failing.message}</p> : null}
          <AccessLostNotice ds={ds} />
          {confluenceNotConnected ? <ConfluenceNotConnected /> : null}
        </div>
        <div className="row">
          <button className="btn" type="button" onClick={runTest} disabled={testing}>{testing ? 'Testing…' : 'Test connection'}</button>
          <button className="btn" type="button" onClick={() => setMode('fetch')} disabled={!ds.enabled}>Fetch now</button>
          {ds.kind === 'cloud' ? <button className="btn" type="button" onClick={() => setMode('edit')}>Edit</button> : null}
          <button className="btn" type="button" onClick={toggle}>{ds.enabled ? 'Disable' : 'Enable'}</button>
          {ds.kind === 'cloud' ? <button className="btn subtle" type="button" onClick={remove}>Delete</button> : null}
        </div>
      </div>
      <ErrorBanner message={error} />
      {test ? <TestResult test={test} /> : null}
      {mode === 'fetch' ? <FetchNow source={ds} historyDays={historyDays} onClose={() => setMode('view')} onStarted={() => { setMode('view'); setKick((k) => k + 1); }} /> : null}
      {kick > 0 ? <RunProgress kick={kick} dataSourceId={ds.id} onFinished={onRunFinished} /> : null}
    </section>
  );
}

export function SourcesTab({ sources, historyDays, hostConfluence, reload, onRunFinished }: Props) {
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string>();
  return (
    <div>
      <div className="row spread">
        <p className="subtle">Where activity comes from. The site ActivityPulse is installed on is always first.</p>
        {!adding ? <button className="btn primary" type="button" onClick={() => setAdding(true)}>Add data source</button> : null}
      </div>
      {notice ? <div className="banner success" role="status">{notice}</div> : null}
      {adding ? <SourceForm onCancel={() => setAdding(false)} onSaved={() => { setAdding(false); reload(); }} /> : null}
      {sources.map((ds) => <SourceCard key={ds.id} ds={ds} historyDays={historyDays} hostConfluence={hostConfluence} reload={reload} onRunFinished={onRunFinished} onNotice={setNotice} />)}
    </div>
  );
}
