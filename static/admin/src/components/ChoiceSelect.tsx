import Select from '@atlaskit/select';

export interface Choice { value: string; label: string }

interface Props {
  /** The input's id, for a <label htmlFor>; or give `label` for an aria-label. */
  inputId?: string;
  label?: string;
  options: Choice[];
  value: string;
  onChange: (value: string) => void;
  isInvalid?: boolean;
}

/** Atlassian's single select over plain string values. */
export function ChoiceSelect({ inputId, label, options, value, onChange, isInvalid }: Props) {
  return (
    <Select<Choice>
      inputId={inputId}
      aria-label={label}
      options={options}
      value={options.find((o) => o.value === value) ?? null}
      onChange={(o) => onChange(o?.value ?? '')}
      isInvalid={isInvalid}
      isSearchable={options.length > 6}
      spacing="compact"
      menuPosition="fixed"
    />
  );
}
