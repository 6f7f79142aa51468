import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { useState, type FormEvent } from 'react';
import type { Team } from '../../../../src/shared/admin-contract';
import { call } from '../../../shared/call';
import { useFieldErrors } from '../useFieldErrors';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorBanner, Field } from './Field';

/** The teams, each deletable after asking, and a field to add one. */
export function TeamsCard({ teams, reload }: { teams: Team[]; reload: () => void }) {
  const [name, setName] = useState('');
  const [deleting, setDeleting] = useState<Team>();
  const { errors, clear, show, scope } = useFieldErrors();
  async function add(e: FormEvent) {
    e.preventDefault();
    clear();
    const r = await call('teams/save', { name });
    if (r.ok) { setName(''); reload(); } else show(r.error);
  }
  async function remove(t: Team) {
    const r = await call('teams/delete', { id: t.id });
    if (r.ok) reload(); else show(r.error);
  }
  return (
    <form className="card" ref={scope} onSubmit={add} aria-label="Teams" noValidate>
      <h3>Teams</h3>
      <div className="row">
        {teams.map((t) => (
          <span key={t.id} className="team-chip">
            <Lozenge>{t.name}</Lozenge>
            <Button appearance="subtle" spacing="compact" aria-label={`Delete team ${t.name}`} onClick={() => setDeleting(t)}>×</Button>
          </span>
        ))}
      </div>
      <div className="row bottom">
        <Field label="New team" value={name} onChange={setName} error={errors.fields.name} />
        <Button type="submit">Add team</Button>
      </div>
      <ErrorBanner message={errors.form} />
      {deleting ? (
        <ConfirmDialog title={`Delete the team ${deleting.name}?`} confirmLabel="Delete team" onConfirm={() => remove(deleting)} onClose={() => setDeleting(undefined)}>
          Its members stay, without a team.
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
