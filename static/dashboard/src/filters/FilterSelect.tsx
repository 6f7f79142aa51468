import Select from '@atlaskit/select';

export interface Choice {
  value: string;
  label: string;
}

/**
 * One labelled filter: an Atlaskit select whose first choice means "no filter". The wrapper
 * carries the test id (Atlaskit's own select test id is not rendered).
 */
export function FilterSelect({ id, label, choices, value, onChange }: { id: string; label: string; choices: Choice[]; value: string; onChange: (value: string) => void }) {
  const inputId = `filter-${id}-input`;
  return (
    <div className="filter" data-testid={`filter-${id}`}>
      <label htmlFor={inputId}>{label}</label>
      <Select<Choice>
        inputId={inputId}
        classNamePrefix="filter-select"
        spacing="compact"
        options={choices}
        value={choices.find((c) => c.value === value) ?? choices[0]}
        isSearchable={choices.length > 8}
        onChange={(c) => onChange(c?.value ?? '')}
      />
    </div>
  );
}
