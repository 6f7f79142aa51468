import Button from '@atlaskit/button/new';
import { ErrorMessage } from '@atlaskit/form';
import { RadioGroup } from '@atlaskit/radio';
import { useId, useState, type ReactNode } from 'react';
import { SCOPED_TOKEN_SCOPES } from '../../../../src/shared/scoped-token-scopes';
import { formatDate } from '../format';
import { Field } from './Field';

/** An API token: "set on <date>" with Replace while a saved one applies, else a password field. */
export function TokenField(p: { label: string; setAt?: string; value: string; onChange: (v: string) => void; error?: string; help: ReactNode; required: boolean; needed?: string }) {
  const [replacing, setReplacing] = useState(!p.setAt);
  // A new problem with the saved token itself (the connection test refused it) opens the field to
  // replace it, in the same render, so the form's focus lands on it. One about a changed site does not.
  const [lastError, setLastError] = useState(p.error);
  if (p.error !== lastError) {
    setLastError(p.error);
    if (p.error && !p.needed) setReplacing(true);
  }
  if (p.needed) {
    return <Field label={p.label} type="password" autoComplete="new-password" value={p.value} onChange={p.onChange} error={p.error} help={p.needed} required />;
  }
  if (!replacing) {
    return (
      <div className="field">
        <span className="field-label">{p.label}</span>
        <div className="row">
          <span data-testid="token-set">•••• API token set on {formatDate(p.setAt)}</span>
          <Button onClick={() => setReplacing(true)}>Replace</Button>
        </div>
        {p.error ? <span role="alert"><ErrorMessage>{p.error}</ErrorMessage></span> : null}
      </div>
    );
  }
  return <Field label={p.label} type="password" autoComplete="new-password" value={p.value} onChange={p.onChange} error={p.error} help={p.help} required={p.required} />;
}

export type TokenKind = 'classic' | 'scoped';

/** The scopes a scoped token needs, one line and a list (src/shared/scoped-token-scopes.ts). */
function ScopeList() {
  return (
    <div className="subtle" data-testid="scope-list">
      A scoped token needs these read-only scopes (Jira, and Confluence when it is connected):
      <ul>
        {[...SCOPED_TOKEN_SCOPES.jira, ...SCOPED_TOKEN_SCOPES.confluence].map((s) => (
          <li key={s}><code>{s}</code></li>
        ))}
      </ul>
    </div>
  );
}

const TOKEN_KINDS: { value: TokenKind; label: string }[] = [
  { value: 'classic', label: 'Classic API token (without scopes)' },
  {
    value: 'scoped',
    label: "Scoped API token (with scopes; a service account has only these). Its calls go through Atlassian's API gateway, api.atlassian.com, with the site's cloud id.",
  },
];

const isTokenKind = (v: string): v is TokenKind => TOKEN_KINDS.some((k) => k.value === v);

/**
 * Classic or scoped token: a radio group named by its visible label (the arrow keys move between
 * the two, Space picks one), described by its error while it has one.
 */
export function TokenKindField(p: { value: TokenKind; onChange: (k: TokenKind) => void; error?: string }) {
  const id = useId();
  return (
    <div className="field" data-testid="token-kind">
      <span className="field-label" id={`${id}-label`}>API token kind</span>
      <RadioGroup
        id={id}
        name="tokenKind"
        labelId={`${id}-label`}
        options={TOKEN_KINDS}
        value={p.value}
        isInvalid={!!p.error}
        onChange={(e) => {
          const kind = e.currentTarget.value;
          if (isTokenKind(kind)) p.onChange(kind);
        }}
      />
      {p.error ? <span id={`${id}-error`} role="alert"><ErrorMessage>{p.error}</ErrorMessage></span> : null}
      {p.value === 'scoped' ? <ScopeList /> : null}
    </div>
  );
}
