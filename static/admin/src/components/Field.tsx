import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
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
}

/** A field's label, help and error around any control: the error is announced with the field. */
export function FieldFrame(p: { id: string; label: string; required?: boolean; help?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className="field">
      <Label htmlFor={p.id}>
        {p.label}
        {p.required ? ' *' : ''}
      </Label>
      {p.children}
      {p.help ? <span id={`${p.id}-help`}><HelperMessage>{p.help}</HelperMessage></span> : null}
      {p.error ? <span id={`${p.id}-error`} role="alert"><ErrorMessage>{p.error}</ErrorMessage></span> : null}
    </div>
  );
}

/** What a control is described by: its help, then its error. */
export function describedBy(id: string, help: unknown, error: unknown): string | undefined {
  return [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** A labelled Atlassian text field whose error sits right under it. */
export function Field(p: FieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={p.label} required={p.required} help={p.help} error={p.error}>
      <Textfield
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value}
        placeholder={p.placeholder}
        autoComplete={p.autoComplete ?? 'off'}
        isInvalid={!!p.error}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(id, p.help, p.error)}
        aria-required={p.required || undefined}
        onChange={(e) => p.onChange(e.currentTarget.value)}
      />
    </FieldFrame>
  );
}

/** A form-level or action error, announced. */
export function ErrorBanner({ message }: { message?: string }) {
  return message ? (
    <div role="alert" className="notice">
      <SectionMessage appearance="error">{message}</SectionMessage>
    </div>
  ) : null;
}
