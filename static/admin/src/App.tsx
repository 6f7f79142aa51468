import SectionMessage from '@atlaskit/section-message';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { useCallback, useEffect, useState } from 'react';
import type { DataSourceView, Settings } from '../../../src/shared/admin-contract';
import type { ConfluenceConnection } from '../../../src/shared/confluence-connection';
import { call } from '../../shared/call';
import { Loading } from './components/Loading';
import { SourcesTab } from './components/SourcesTab';
import { SyncTab } from './components/SyncTab';
import { TeammatesTab } from './components/TeammatesTab';
import { AccessTab } from './components/AccessTab';

const TABS = ['Data sources', 'Teammates', 'Sync', 'Access'] as const;

export function App() {
  const [tab, setTab] = useState(0);
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
        <div role="alert" data-testid="page-error">
          <SectionMessage appearance="error" title={error.code === 'FORBIDDEN' ? 'You do not have access' : 'The settings could not be loaded'}>
            <p>{error.message}</p>
          </SectionMessage>
        </div>
      </main>
    );
  }
  if (!sources || !settings) return <main><Loading what="Loading settings" /></main>;
  return (
    <main>
      <h1>ActivityPulse settings</h1>
      {/* Tabs move with the arrow keys and unmount the panel left, so a tab shows fresh data when opened. */}
      <Tabs id="settings" selected={tab} onChange={setTab} shouldUnmountTabPanelOnChange>
        <TabList>{TABS.map((label) => <Tab key={label}>{label}</Tab>)}</TabList>
        <TabPanel>
          <div className="panel"><SourcesTab sources={sources} historyDays={historyDays} hostConfluence={hostConfluence} reload={() => void reload()} onRunFinished={() => setRunsVersion((v) => v + 1)} /></div>
        </TabPanel>
        <TabPanel><div className="panel"><TeammatesTab sources={sources} /></div></TabPanel>
        <TabPanel>
          <div className="panel"><SyncTab settings={settings} onSettings={(s) => { setSettings(s); setHistoryDays(s.historyDays); }} runsVersion={runsVersion} /></div>
        </TabPanel>
        <TabPanel><div className="panel"><AccessTab settings={settings} onSettings={setSettings} /></div></TabPanel>
      </Tabs>
    </main>
  );
}
