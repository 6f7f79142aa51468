import { Label } from '@atlaskit/form';
import { useId } from 'react';
import type { Team } from '../../../../src/shared/admin-contract';
import { ChoiceSelect } from './ChoiceSelect';

/** A team, or none. */
export function TeamSelect({ label, teams, value, onChange, error }: { label: string; teams: Team[]; value: string; onChange: (id: string) => void; error?: string }) {
  const id = useId();
  return (
    <div className="field">
      <Label htmlFor={id}>{label}</Label>
      <ChoiceSelect inputId={id} options={[{ value: '', label: 'No team' }, ...teams.map((t) => ({ value: t.id, label: t.name }))]} value={value} onChange={onChange} isInvalid={!!error} />
      {error ? <span role="alert" className="error-text">{error}</span> : null}
    </div>
  );
}
