import { useEffect, useState } from 'react';
import type { EmailResolution, Team } from '../../../../src/shared/admin-contract';
import type { DataSourceView, TeammateView } from '../../../../src/shared/admin-contract';
import { call } from '../../../shared/call';
import { useFieldErrors } from '../useFieldErrors';
import { Duplicates } from './Duplicates';
import { ErrorBanner, Field } from './Field';
import { PeoplePicker } from './PeoplePicker';
import { TeammateForm } from './TeammateForm';

function resolutionText(r: EmailResolution): { text: string; tone: string } {
  if (r.status === 'resolved') return { text: `resolved to ${r.displayName ?? r.accountId}`, tone: 'success' };
  if (r.status === 'hidden') return { text: "Email hidden by this person's profile settings: map by account ID", tone: 'warning' };
  if (r.status === 'not-found') return { text: 'not found', tone: 'danger' };
  return { text: 'could not be checked: test the connection, then resolve again', tone: 'warning' };
}

function Identities({ t, sources, onFind }: { t: TeammateView; sources: DataSourceView[]; onFind: (t: TeammateView) => void }) {
  const name = (id: string) => (id === '*' ? 'all sources' : sources.find((s) => s.id === id)?.name ?? id);
  const mappedById = (dsId: string) => t.externalIds.some((x) => x.type === 'accountId' && (x.dataSourceId === '*' || x.dataSourceId === dsId));
  return (
    <ul style={{ margin: 0, paddingLeft: 16 }}>
      {t.externalIds.map((x, i) => (
        <li key={i}>
          <span>{x.type === 'email' ? 'Email' : 'Account ID'} {x.value} <span className="subtlest">({name(x.dataSourceId)})</span></span>
          {x.type === 'email' ? (
            <ul style={{ margin: 0, paddingLeft: 16 }}>
              {Object.entries(x.resolutions ?? {}).map(([dsId, r]) => {
                const { text, tone } = resolutionText(r);
                return (
                  <li key={dsId} className={`resolution`} data-testid="resolution">
                    {name(dsId)}: <span className={`status-text ${tone}`}>{text}</span>
                    {r.status === 'hidden' && mappedById(dsId) ? <span className="subtlest"> (mapped by account ID)</span> : null}
                    {r.status === 'hidden' && !mappedById(dsId) ? <> <button className="btn subtle" type="button" onClick={() => onFind(t)}>Find {t.name} in the people search</button></> : null}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Teams({ teams, reload }: { teams: Team[]; reload: () => void }) {
  const [name, setName] = useState('');
  const { errors, clear, show, scope } = useFieldErrors();
  async function add() {
    clear();
    const r = await call('teams/save', { name });
    if (r.ok) { setName(''); reload(); } else show(r.error);
  }
  async function remove(t: Team) {
    if (!window.confirm(`Delete the team ${t.name}? Its members stay, without a team.`)) return;
    const r = await call('teams/delete', { id: t.id });
    if (r.ok) reload(); else show(r.error);
  }
  return (
    <div className="card" ref={scope}>
      <h3>Teams</h3>
      <div className="row">{teams.map((t) => <span key={t.id} className="lozenge neutral">{t.name} <button className="btn subtle" type="button" aria-label={`Delete team ${t.name}`} onClick={() => remove(t)}>×</button></span>)}</div>
      <div className="row" style={{ alignItems: 'flex-end', marginTop: 8 }}>
        <Field label="New team" value={name} onChange={setName} error={errors.fields.name} />
        <button className="btn" type="button" onClick={add}>Add team</button>
      </div>
      <ErrorBanner message={errors.form} />
    </div>
  );
}

export function TeammatesTab({ sources }: { sources: DataSourceView[] }) {
  const [data, setData] = useState<{ teammates: TeammateView[]; teams: Team[] }>();
  const [editing, setEditing] = useState<TeammateView | 'new'>();
  const [notice, setNotice] = useState<string>();
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
    if (!window.confirm(`Remove ${t.name}? Their activities are deleted from ActivityPulse and stop counting on the dashboard.`)) return;
    const r = await call('teammates/delete', { id: t.id });
    if (!r.ok) return setError(r.error.message);
    if (r.data.purge?.continuing) setNotice(`${t.name} was removed. Their earlier activity is being deleted in the background; the dashboard counts drop as it goes.`);
    void reload();
  }
  async function reresolve() {
    const r = await call('teammates/resolve', {});
    if (r.ok) { setNotice('Emails looked up again.'); void reload(); } else setError(r.error.message);
  }
  if (!data) return <p>{error ?? 'Loading teammates…'}</p>;
  const teamName = (id?: string) => data.teams.find((t) => t.id === id)?.name ?? '';
  return (
    <div>
      <div className="row spread">
        <p className="subtle">Only activity by teammates is kept. Map each person by account ID or email.</p>
        <div className="row">
          <button className="btn" type="button" onClick={reresolve}>Resolve emails again</button>
          <button className="btn primary" type="button" onClick={() => setEditing('new')}>Add teammate</button>
        </div>
      </div>
      {notice ? <div className="banner success" role="status">{notice}</div> : null}
      <ErrorBanner message={error} />
      <Duplicates version={version} onMerged={(m) => { setNotice(m); void reload(); }} />
      {editing ? (
        <TeammateForm teammate={editing === 'new' ? undefined : editing} teams={data.teams} sources={sources} onCancel={() => setEditing(undefined)} onSaved={(t, removedIds) => { setEditing(undefined); setNotice(removedIds?.continuing ? `Saved ${t.name}. The activity of the IDs you removed is being deleted in the background.` : `Saved ${t.name}.`); void reload(); }} />
      ) : null}
      <table aria-label="Teammates">
        <thead><tr><th>Name</th><th>Team</th><th>Identities</th><th /></tr></thead>
        <tbody>
          {data.teammates.length === 0 ? <tr><td colSpan={4}>No teammates yet.</td></tr> : null}
          {data.teammates.map((t) => (
            <tr key={t.id} data-testid="teammate-row">
              <td>{t.name}</td>
              <td>{teamName(t.teamId)}</td>
              <td><Identities t={t} sources={sources} onFind={setFinding} /></td>
              <td>
                <div className="row">
                  <button className="btn" type="button" onClick={() => setEditing(t)} aria-label={`Edit ${t.name}`}>Edit</button>
                  <button className="btn subtle" type="button" onClick={() => remove(t)} aria-label={`Remove ${t.name}`}>Remove</button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <PeoplePicker teams={data.teams} mapTo={finding} onAdded={(m) => { setFinding(undefined); setNotice(m); void reload(); }} />
      <Teams teams={data.teams} reload={() => void reload()} />
    </div>
  );
}
