import { useId, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  help?: ReactNode;
  type?: string;
  placeholder?: string;
  autoComplete?: string;
  name?: string;
  required?: boolean;
  /** For a date: the latest day that may be chosen. */
  max?: string;
}

/** A labelled input whose error sits right under it and is announced with it. */
export function Field(p: FieldProps) {
  const id = useId();
  const described = [p.help ? `${id}-help` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {p.label}
        {p.required ? ' *' : ''}
      </label>
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value}
        placeholder={p.placeholder}
        max={p.max}
        autoComplete={p.autoComplete ?? 'off'}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={described}
        aria-required={p.required || undefined}
        onChange={(e) => p.onChange(e.target.value)}
      />
      {p.help ? <span className="help" id={`${id}-help`}>{p.help}</span> : null}
      {p.error ? <span className="error-text" id={`${id}-error`} role="alert">{p.error}</span> : null}
    </div>
  );
}

export function ErrorBanner({ message }: { message?: string }) {
  return message ? <div className="banner error" role="alert">{message}</div> : null;
}
