import Button from '@atlaskit/button/new';
import { useState, type FormEvent } from 'react';
import type { DataSourceView, Team, TeammateView } from '../../../../src/shared/admin-contract';
import { call } from '../../../shared/call';
import { useSaveForm } from '../useSaveForm';
import { ErrorBanner, Field } from './Field';
import { IdentityRow, type IdentityDraft } from './IdentityRow';
import { TeamSelect } from './TeamSelect';

const BLANK: IdentityDraft = { dataSourceId: '*', type: 'email', value: '' };

export function TeammateForm(p: { teammate?: TeammateView; teams: Team[]; sources: DataSourceView[]; onSaved: (t: TeammateView, removedIds?: { continuing: boolean }) => void; onCancel: () => void }) {
  const [name, setName] = useState(p.teammate?.name ?? '');
  const [teamId, setTeamId] = useState(p.teammate?.teamId ?? '');
  const [rows, setRows] = useState<IdentityDraft[]>(p.teammate?.externalIds.map((x) => ({ dataSourceId: x.dataSourceId, type: x.type, value: x.value })) ?? [BLANK]);
  const { errors, scope, busy, submit: send } = useSaveForm();
  const setRow = (i: number, patch: Partial<IdentityDraft>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function submit(e: FormEvent) {
    const saved = await send(e, () =>
      call('teammates/save', {
        ...(p.teammate ? { id: p.teammate.id } : {}),
        name,
        ...(teamId ? { teamId } : {}),
        externalIds: rows.filter((x) => x.value.trim() !== ''),
      }),
    );
    if (saved) p.onSaved(saved.teammate, saved.purge);
  }

  return (
    <form className="card" ref={scope} onSubmit={submit} aria-label={p.teammate ? `Edit ${p.teammate.name}` : 'Add teammate'} noValidate>
      <div className="grid2">
        <Field label="Name" name="teammateName" value={name} onChange={setName} error={errors.fields.name} required />
        <TeamSelect label="Team (optional)" teams={p.teams} value={teamId} onChange={setTeamId} error={errors.fields.teamId} />
      </div>
      <h3>Identities</h3>
      <p className="subtlest">An Atlassian account ID is the same on every Cloud site. Emails are looked up on each site (exact match). Removing an ID deletes the activity it brought to this teammate.</p>
      {rows.map((r, i) => (
        <IdentityRow key={i} n={i + 1} row={r} sources={p.sources} error={errors.fields[`externalIds.${i}.value`] ?? errors.fields[`externalIds.${i}.dataSourceId`]} onChange={(patch) => setRow(i, patch)} onRemove={() => setRows((rs) => rs.filter((_, j) => j !== i))} />
      ))}
      <Button onClick={() => setRows((rs) => [...rs, BLANK])}>Add identity</Button>
      <ErrorBanner message={errors.form} />
      <div className="row actions">
        <Button appearance="primary" type="submit" isLoading={busy}>Save teammate</Button>
        <Button appearance="subtle" onClick={p.onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
