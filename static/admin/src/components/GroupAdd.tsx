import Button from '@atlaskit/button/new';
import { ErrorMessage, Label } from '@atlaskit/form';
import Textfield from '@atlaskit/textfield';
import { useEffect, useState } from 'react';
import { call } from '../../../shared/call';

/** A host group's name (suggested as typed) and a button that adds all its members. */
export function GroupAdd({ error, onEdit, onAdd }: { error?: string; onEdit: () => void; onAdd: (group: string) => void }) {
  const [group, setGroup] = useState('');
  const [groups, setGroups] = useState<string[]>([]);
  useEffect(() => {
    if (group.trim().length < 2) return setGroups([]);
    const t = setTimeout(async () => {
      const r = await call('groups/search', { query: group });
      if (r.ok) setGroups(r.data.groups.map((g) => g.name));
    }, 250);
    return () => clearTimeout(t);
  }, [group]);
  return (
    <div className="field">
      <Label htmlFor="picker-group">Add every member of a Jira group</Label>
      <div className="row">
        <div className="grow">
          <Textfield id="picker-group" list="picker-groups" value={group} onChange={(e) => { onEdit(); setGroup(e.currentTarget.value); }} isInvalid={!!error} aria-invalid={error ? true : undefined} />
        </div>
        <datalist id="picker-groups">{groups.map((g) => <option key={g} value={g} />)}</datalist>
        <Button onClick={() => onAdd(group)} isDisabled={!group.trim()}>Add members</Button>
      </div>
      {error ? <span role="alert"><ErrorMessage>{error}</ErrorMessage></span> : null}
    </div>
  );
}
