import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '../../../src/shared/admin-contract';
import type { DataSourceView } from '../../../src/shared/admin-contract';
import type { ConfluenceConnection } from '../../../src/shared/confluence-connection';
import { call } from '../../shared/call';
import { AccessTab } from './components/AccessTab';
import { SourcesTab } from './components/SourcesTab';
import { SyncTab } from './components/SyncTab';
import { TeammatesTab } from './components/TeammatesTab';

const TABS = [
  ['sources', 'Data sources'],
  ['teammates', 'Teammates'],
  ['sync', 'Sync'],
  ['access', 'Access'],
] as const;
type Tab = (typeof TABS)[number][0];

export function App() {
  const [tab, setTab] = useState<Tab>('sources');
  const [sources, setSources] = useState<DataSourceView[]>();
  const [historyDays, setHistoryDays] = useState(90);
  const [hostConfluence, setHostConfluence] = useState<ConfluenceConnection>('unknown');
  const [settings, setSettings] = useState<Settings>();
  const [error, setError] = useState<{ code: string; message: string }>();
  const [runsVersion, setRunsVersion] = useState(0);

  const reload = useCallback(async () => {
    const [s, st] = await Promise.all([call('sources/list', {}), call('settings/get', {})]);
    if (!s.ok) return setError(s.error);
    if (!st.ok) return setError(st.error);
    setSources(s.data.sources);
    setHistoryDays(s.data.historyDays);
    setHostConfluence(s.data.hostConfluence);
    setSettings(st.data);
  }, []);
  useEffect(() => { void reload(); }, [reload]);

  if (error) {
    return (
      <main>
        <h1>ActivityPulse</h1>
        <div className="banner error" role="alert" data-testid="page-error">
          <strong>{error.code === 'FORBIDDEN' ? 'You do not have access' : 'The settings could not be loaded'}</strong>
          <p>{error.message}</p>
        </div>
      </main>
    );
  }
  if (!sources || !settings) return <main><p>Loading…</p></main>;
  return (
    <main>
      <h1>ActivityPulse settings</h1>
      <div className="tabs" role="tablist" aria-label="Settings sections">
        {TABS.map(([id, label], i) => (
          <button
            key={id}
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            type="button"
            onClick={() => setTab(id)}
            onKeyDown={(e) => {
              // Arrow keys move between tabs, as in Atlassian's tab component.
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length][0];
              setTab(next);
              document.getElementById(`tab-${next}`)?.focus();
            }}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'sources' ? <SourcesTab sources={sources} historyDays={historyDays} hostConfluence={hostConfluence} reload={() => void reload()} onRunFinished={() => setRunsVersion((v) => v + 1)} /> : null}
        {tab === 'teammates' ? <TeammatesTab sources={sources} /> : null}
        {tab === 'sync' ? <SyncTab settings={settings} onSettings={(s) => { setSettings(s); setHistoryDays(s.historyDays); }} runsVersion={runsVersion} /> : null}
        {tab === 'access' ? <AccessTab settings={settings} onSettings={setSettings} /> : null}
      </div>
    </main>
  );
}
