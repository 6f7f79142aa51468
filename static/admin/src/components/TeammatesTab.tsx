import Button from '@atlaskit/button/new';
import { useEffect, useState } from 'react';
import type { DataSourceView, Team, TeammateView } from '../../../../src/shared/admin-contract';
import { call } from '../../../shared/call';
import { flagSuccess } from '../flags';
import { ConfirmDialog } from './ConfirmDialog';
import { Duplicates } from './Duplicates';
import { ErrorBanner } from './Field';
import { Loading } from './Loading';
import { PeoplePicker } from './PeoplePicker';
import { TeammateForm } from './TeammateForm';
import { TeammateTable } from './TeammateTable';
import { TeamsCard } from './TeamsCard';

export function TeammatesTab({ sources }: { sources: DataSourceView[] }) {
  const [data, setData] = useState<{ teammates: TeammateView[]; teams: Team[] }>();
  const [editing, setEditing] = useState<TeammateView | 'new'>();
  const [removing, setRemoving] = useState<TeammateView>();
  const [error, setError] = useState<string>();
  const [finding, setFinding] = useState<TeammateView>();
  const [version, setVersion] = useState(0);
  const reload = async () => {
    setVersion((v) => v + 1);
    const r = await call('teammates/list', {});
    if (r.ok) setData(r.data); else setError(r.error.message);
  };
  useEffect(() => { void reload(); }, []);

  async function remove(t: TeammateView) {
    const r = await call('teammates/delete', { id: t.id });
    if (!r.ok) return setError(r.error.message);
    flagSuccess(`${t.name} was removed.`, r.data.purge?.continuing ? 'Their earlier activity is being deleted in the background; the dashboard counts drop as it goes.' : undefined);
    void reload();
  }
  async function reresolve() {
    const r = await call('teammates/resolve', {});
    if (r.ok) { flagSuccess('Emails looked up again.'); void reload(); } else setError(r.error.message);
  }
  if (!data) return error ? <ErrorBanner message={error} /> : <Loading what="Loading teammates" />;
  const done = (message: string) => { flagSuccess(message); void reload(); };
  return (
    <div>
      <div className="row spread">
        <p className="subtle">Only activity by teammates is kept. Map each person by account ID or email.</p>
        <div className="row">
          <Button onClick={() => void reresolve()}>Resolve emails again</Button>
          <Button appearance="primary" onClick={() => setEditing('new')}>Add teammate</Button>
        </div>
      </div>
      <ErrorBanner message={error} />
      <Duplicates version={version} onMerged={done} />
      {editing ? (
        <TeammateForm teammate={editing === 'new' ? undefined : editing} teams={data.teams} sources={sources} onCancel={() => setEditing(undefined)} onSaved={(t, removedIds) => { setEditing(undefined); done(removedIds?.continuing ? `Saved ${t.name}. The activity of the IDs you removed is being deleted in the background.` : `Saved ${t.name}.`); }} />
      ) : null}
      <TeammateTable teammates={data.teammates} teams={data.teams} sources={sources} onEdit={setEditing} onRemove={setRemoving} onFind={setFinding} />
      {removing ? (
        <ConfirmDialog title={`Remove ${removing.name}?`} confirmLabel="Remove" onConfirm={() => remove(removing)} onClose={() => setRemoving(undefined)}>
          Their activities are deleted from ActivityPulse and stop counting on the dashboard.
        </ConfirmDialog>
      ) : null}
      <PeoplePicker teams={data.teams} mapTo={finding} onAdded={(m) => { setFinding(undefined); done(m); }} />
      <TeamsCard teams={data.teams} reload={() => void reload()} />
    </div>
  );
}
