import { useState, type FormEvent } from 'react';
import type { DataSourceView, TeammateView } from '../../../../src/shared/admin-contract';
import type { Team } from '../../../../src/shared/admin-contract';
import { call } from '../../../shared/call';
import { useFieldErrors } from '../useFieldErrors';
import { ErrorBanner, Field } from './Field';

type Row = { dataSourceId: string; type: 'accountId' | 'email'; value: string };

export function TeammateForm(p: { teammate?: TeammateView; teams: Team[]; sources: DataSourceView[]; onSaved: (t: TeammateView, removedIds?: { continuing: boolean }) => void; onCancel: () => void }) {
  const [name, setName] = useState(p.teammate?.name ?? '');
  const [teamId, setTeamId] = useState(p.teammate?.teamId ?? '');
  const [rows, setRows] = useState<Row[]>(p.teammate?.externalIds.map((x) => ({ dataSourceId: x.dataSourceId, type: x.type, value: x.value })) ?? [{ dataSourceId: '*', type: 'email', value: '' }]);
  const [busy, setBusy] = useState(false);
  const { errors, clear, show, scope } = useFieldErrors();
  const setRow = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    clear();
    const r = await call('teammates/save', {
      ...(p.teammate ? { id: p.teammate.id } : {}),
      name,
      ...(teamId ? { teamId } : {}),
      externalIds: rows.filter((x) => x.value.trim() !== ''),
    });
    setBusy(false);
    if (r.ok) p.onSaved(r.data.teammate, r.data.purge);
    else show(r.error);
  }

  return (
    <form className="card" ref={scope} onSubmit={submit} aria-label={p.teammate ? `Edit ${p.teammate.name}` : 'Add teammate'} noValidate>
      <div className="grid2">
        <Field label="Name" name="teammateName" value={name} onChange={setName} error={errors.fields.name} required />
        <div className="field">
          <label htmlFor="tm-team">Team (optional)</label>
          <select id="tm-team" value={teamId} onChange={(e) => setTeamId(e.target.value)} aria-invalid={errors.fields.teamId ? true : undefined}>
            <option value="">No team</option>
            {p.teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
          {errors.fields.teamId ? <span className="error-text" role="alert">{errors.fields.teamId}</span> : null}
        </div>
      </div>
      <h3>Identities</h3>
      <p className="subtlest">An Atlassian account ID is the same on every Cloud site. Emails are looked up on each site (exact match). Removing an ID deletes the activity it brought to this teammate.</p>
      {rows.map((r, i) => {
        const err = errors.fields[`externalIds.${i}.value`] ?? errors.fields[`externalIds.${i}.dataSourceId`];
        return (
          <div key={i} className="row" style={{ marginBottom: 8 }}>
            <select className="inline" aria-label={`Identity ${i + 1} applies to`} value={r.dataSourceId} onChange={(e) => setRow(i, { dataSourceId: e.target.value })}>
              <option value="*">All sources</option>
              {p.sources.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
            <select className="inline" aria-label={`Identity ${i + 1} type`} value={r.type} onChange={(e) => setRow(i, { type: e.target.value as Row['type'] })}>
              <option value="email">Email</option>
              <option value="accountId">Account ID</option>
            </select>
            <input className="inline" aria-label={`Identity ${i + 1} value`} value={r.value} onChange={(e) => setRow(i, { value: e.target.value })} aria-invalid={err ? true : undefined} placeholder={r.type === 'email' ? 'name@example.com' : '5b10ac8d82e05b22cc7d4ef5'} style={{ flex: 1, minWidth: 220 }} />
            <button className="btn subtle" type="button" aria-label={`Remove identity ${i + 1}`} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>Remove</button>
            {err ? <span className="error-text" role="alert" style={{ width: '100%' }}>{err}</span> : null}
          </div>
        );
      })}
      <button className="btn" type="button" onClick={() => setRows((rs) => [...rs, { dataSourceId: '*', type: 'email', value: '' }])}>Add identity</button>
      <ErrorBanner message={errors.form} />
      <div className="row" style={{ marginTop: 12 }}>
        <button className="btn primary" type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save teammate'}</button>
        <button className="btn subtle" type="button" onClick={p.onCancel}>Cancel</button>
      </div>
    </form>
  );
}
