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
    <div>
      {groups.map((g, i) => {
        const err = errors[`${field}.${i}`];
        const id = `${field}-${i}`;
        return (
          <div className="row" key={i} style={{ marginBottom: 8 }}>
            <label htmlFor={id} className="subtle">{itemLabel} {i + 1}</label>
            <input id={id} className="inline" value={g} aria-invalid={err ? true : undefined} aria-describedby={err ? `${id}-err` : undefined} onChange={(e) => onChange(groups.map((x, j) => (j === i ? e.target.value : x)))} />
            <button className="btn subtle" type="button" onClick={() => onChange(groups.filter((_, j) => j !== i))} aria-label={`Remove ${itemLabel.toLowerCase()} ${i + 1}`}>Remove</button>
            {err ? <span id={`${id}-err`} className="error-text" role="alert">{err}</span> : null}
          </div>
        );
      })}
      <GroupPicker id={field} label={`Add a ${itemLabel.toLowerCase()} from this site`} taken={groups} onPick={(name) => onChange([...groups.filter((g) => g.trim()), name])} />
      <button className="btn subtle" type="button" onClick={() => onChange([...groups, ''])}>{addLabel}</button>
    </div>
  );
}
