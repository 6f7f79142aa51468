import Button from '@atlaskit/button/new';
import { ErrorMessage } from '@atlaskit/form';
import { useState } from 'react';
import { GroupPicker } from './GroupPicker';

/** A host group picked from the site's groups and a button that adds all its members. */
export function GroupAdd({ error, onEdit, onAdd }: { error?: string; onEdit: () => void; onAdd: (group: string) => void }) {
  const [group, setGroup] = useState('');
  return (
    <div className="field">
      <div className="row">
        <div className="grow">
          <GroupPicker id="members-group" label="Add every member of a Jira group" value={group} isInvalid={!!error} onEdit={onEdit} onPick={(g) => { onEdit(); setGroup(g); }} />
        </div>
        <Button onClick={() => onAdd(group)} isDisabled={!group}>Add members</Button>
      </div>
      {error ? <span role="alert"><ErrorMessage>{error}</ErrorMessage></span> : null}
    </div>
  );
}
