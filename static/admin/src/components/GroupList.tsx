import Button from '@atlaskit/button/new';
import { ErrorMessage, Label } from '@atlaskit/form';
import Textfield from '@atlaskit/textfield';
import { GroupPicker } from './GroupPicker';

interface Props {
  /** Payload field name: a row's error arrives as `<field>.<index>`. */
  field: string;
  /** What one row is called, e.g. "Group" → "Group 1", "Remove group 1". */
  itemLabel: string;
  groups: string[];
  onChange: (groups: string[]) => void;
  errors: Record<string, string>;
  addLabel?: string;
}

/**
 * A list of host-site groups: picked from the site's groups (the picker searches them as the
 * admin types), each row removable. Rows stay editable so a name that no longer exists can be
 * seen and fixed; the server checks each one exists and answers at its row.
 */
export function GroupList({ field, itemLabel, groups, onChange, errors, addLabel = 'Add group' }: Props) {
  return (
    <div className="group-list">
      {groups.map((g, i) => {
        const err = errors[`${field}.${i}`];
        const id = `${field}-${i}`;
        return (
          <div className="group-row" key={i}>
            <div className="row">
              <Label htmlFor={id}>{itemLabel} {i + 1}</Label>
              <div className="grow">
                <Textfield id={id} value={g} isInvalid={!!err} aria-invalid={err ? true : undefined} aria-describedby={err ? `${id}-err` : undefined} onChange={(e) => onChange(groups.map((x, j) => (j === i ? e.currentTarget.value : x)))} />
              </div>
              <Button appearance="subtle" onClick={() => onChange(groups.filter((_, j) => j !== i))} aria-label={`Remove ${itemLabel.toLowerCase()} ${i + 1}`}>Remove</Button>
            </div>
            {err ? <span id={`${id}-err`} role="alert"><ErrorMessage>{err}</ErrorMessage></span> : null}
          </div>
        );
      })}
      <GroupPicker id={field} label={`Add a ${itemLabel.toLowerCase()} from this site`} taken={groups} onPick={(name) => onChange([...groups.filter((g) => g.trim()), name])} />
      <Button appearance="subtle" onClick={() => onChange([...groups, ''])}>{addLabel}</Button>
    </div>
  );
}
