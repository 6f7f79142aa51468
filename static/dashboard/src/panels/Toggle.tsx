import Button from '@atlaskit/button/new';

/** A pair of pressed/unpressed buttons: how the chart is drawn, kept in the URL. */
export function Toggle<T extends string>({ value, options, onChange, testId, label }: { value: T; options: [T, string][]; onChange: (v: T) => void; testId: string; label: string }) {
  return (
    <div className="toggle" role="group" aria-label={label} data-testid={testId}>
      {options.map(([v, text]) => (
        <Button key={v} spacing="compact" isSelected={v === value} aria-pressed={v === value} onClick={() => onChange(v)}>
          {text}
        </Button>
      ))}
    </div>
  );
}
