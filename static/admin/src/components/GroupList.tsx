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

/** Editable list of host-site group names; the server checks each one exists. */
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
      <button className="btn" type="button" onClick={() => onChange([...groups, ''])}>{addLabel}</button>
    </div>
  );
}
