import { useState, type FormEvent, type ReactNode } from 'react';
import type { DataSourceView } from '../../../../src/shared/admin-contract';
import { SCOPED_TOKEN_SCOPES } from '../../../../src/shared/scoped-token-scopes';
import { confluenceOnJiraSite, credentialsStayBound, type CredentialTarget } from '../../../../src/shared/credential-site';
import { call } from '../../../shared/call';
import { formatDate } from '../format';
import { useFieldErrors } from '../useFieldErrors';
import { API_TOKENS_URL, ExternalLink } from './ExternalLink';
import { ErrorBanner, Field } from './Field';
import { GroupList } from './GroupList';

interface Props {
  source?: DataSourceView;
  onSaved: (s: DataSourceView) => void;
  onCancel: () => void;
}

/** Suggests <jira url>/wiki while the admin types (the UI mirror of the server's normalisation). */
function wikiFor(jiraUrl: string): string | undefined {
  const m = /^(?:https:\/\/)?([a-z0-9-]+\.(?:atlassian\.net|jira\.com))(?:[/?]|$)/i.exec(jiraUrl.trim());
  return m ? `https://${m[1].toLowerCase()}/wiki` : undefined;
}

/** Why a token must be typed now although one may be saved; undefined when none is needed. */
const SITE_CHANGED = 'The site changed: enter its API token again. A saved token is only ever sent to the site it was entered for.';
const CONFLUENCE_ELSEWHERE = 'Confluence is on another site than Jira: enter an API token for it. The Jira token is only used on its own site.';

function TokenField(p: { label: string; setAt?: string; value: string; onChange: (v: string) => void; error?: string; help: ReactNode; required: boolean; needed?: string }) {
  const [replacing, setReplacing] = useState(!p.setAt);
  if (p.needed) {
    return <Field label={p.label} type="password" autoComplete="new-password" value={p.value} onChange={p.onChange} error={p.error} help={p.needed} required />;
  }
  if (!replacing) {
    return (
      <div className="field">
        <span className="field-label subtle">{p.label}</span>
        <div className="row">
          <span data-testid="token-set">•••• API token set on {formatDate(p.setAt)}</span>
          <button type="button" className="btn" onClick={() => setReplacing(true)}>Replace</button>
        </div>
        {p.error ? <span className="error-text" role="alert">{p.error}</span> : null}
      </div>
    );
  }
  return <Field label={p.label} type="password" autoComplete="new-password" value={p.value} onChange={p.onChange} error={p.error} help={p.help} required={p.required} />;
}

type TokenKind = 'classic' | 'scoped';
const KIND_CHANGED = 'The token kind changed: paste the API token again.';

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

function TokenKindField(p: { value: TokenKind; onChange: (k: TokenKind) => void; error?: string }) {
  return (
    <fieldset className="field" data-testid="token-kind">
      <legend className="field-label">API token kind</legend>
      <label className="checkbox">
        <input type="radio" name="tokenKind" checked={p.value === 'classic'} onChange={() => p.onChange('classic')} /> Classic API token (without scopes)
      </label>
      <label className="checkbox">
        <input type="radio" name="tokenKind" checked={p.value === 'scoped'} onChange={() => p.onChange('scoped')} /> Scoped API token (with scopes; a service
        account has only these). Its calls go through Atlassian&apos;s API gateway, api.atlassian.com, with the site&apos;s cloud id.
      </label>
      {p.error ? <span className="error-text" role="alert">{p.error}</span> : null}
      {p.value === 'scoped' ? <ScopeList /> : null}
    </fieldset>
  );
}

export function SourceForm({ source, onSaved, onCancel }: Props) {
  const [f, setF] = useState({
    name: source?.name ?? '',
    jiraUrl: source?.jiraUrl ?? '',
    jiraEmail: source?.jiraEmail ?? '',
    jiraToken: '',
    confluenceUrl: source?.confluenceUrl ?? '',
    confluenceEmail: source?.confluenceEmail ?? '',
    confluenceToken: '',
    // A source waiting for a passing test was saved enabled: it is enabled once a test passes.
    enabled: source ? source.enabled || source.awaitingTest !== undefined : true,
  });
  const [tokenKind, setTokenKind] = useState<TokenKind>(source?.tokenKind ?? 'classic');
  const [showRestrictedTitles, setShowRestrictedTitles] = useState(source?.showRestrictedTitles === true);
  const [viewGroups, setViewGroups] = useState<string[]>(source?.viewGroups ?? []);
  const [busy, setBusy] = useState(false);
  // Set once a save stored the source but its connection test failed: the form stays open on it.
  const [stored, setStored] = useState<DataSourceView>();
  const [notes, setNotes] = useState<string[]>([]);
  const { errors, clear, show, showProblems, scope } = useFieldErrors();
  const suggestion = wikiFor(f.jiraUrl);
  // The server's rule, asked as the admin types: a changed site needs its token again.
  const typed: CredentialTarget = { jiraUrl: f.jiraUrl, confluenceUrl: f.confluenceUrl.trim() || undefined };
  // The cloud id is read by the server; a changed kind alone already needs the token again.
  const kindChanged = !!source && (source.tokenKind ?? 'classic') !== tokenKind;
  const jiraNeeded = source && source.jiraTokenSetAt && !credentialsStayBound(source, typed, 'jira') ? SITE_CHANGED : kindChanged ? KIND_CHANGED : undefined;
  const confluenceNeeded = !typed.confluenceUrl
    ? undefined
    : source?.confluenceTokenSetAt
      ? credentialsStayBound(source, typed, 'confluence') ? (kindChanged ? KIND_CHANGED : undefined) : SITE_CHANGED
      : confluenceOnJiraSite(typed) ? undefined : CONFLUENCE_ELSEWHERE;
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    clear();
    const id = stored?.id ?? source?.id;
    const r = await call('sources/save', { ...(id ? { id } : {}), ...f, tokenKind, viewGroups, showRestrictedTitles });
    setBusy(false);
    if (!r.ok) return show(r.error);
    const { source: saved, problems, notes: said } = r.data;
    setNotes(said ?? []);
    // The save may have found Confluence on the site: show the address it stored.
    setF((x) => ({ ...x, confluenceUrl: saved.confluenceUrl ?? '' }));
    if (!problems?.length) return onSaved(saved);
    setStored(saved);
    showProblems(
      problems,
      saved.enabled
        ? 'Saved. The connection test did not get an answer: the source keeps running, check the message below.'
        : 'Saved, but not enabled: the connection test failed. Fix what is marked and save again.',
    );
  }

  return (
    <form className="card" ref={scope} onSubmit={submit} aria-label={source ? `Edit ${source.name}` : 'Add data source'} noValidate>
      <h3>{source ? `Edit ${source.name}` : 'Add another Atlassian Cloud site'}</h3>
      <div className="banner info">
        Only Atlassian Cloud sites (https://&lt;name&gt;.atlassian.net) can be connected. Jira Data Center and Server
        cannot be reached: a Forge app may only call the domains it declared when it was deployed.
      </div>
      <div className="grid2">
        <Field label="Name" value={f.name} onChange={set('name')} error={errors.fields.name} help="Shown on the dashboard. Empty: the site name." />
        <Field label="Jira URL" name="jiraUrl" value={f.jiraUrl} onChange={set('jiraUrl')} error={errors.fields.jiraUrl} placeholder="https://your-team.atlassian.net" required help="Pasting a page address (…/browse/KEY-1) is fine: it is trimmed." />
        <Field label="Jira email" name="jiraEmail" type="email" value={f.jiraEmail} onChange={set('jiraEmail')} error={errors.fields.jiraEmail} required help="The Atlassian account that created the API token." />
        <TokenKindField value={tokenKind} onChange={setTokenKind} error={errors.fields.tokenKind} />
        <TokenField label="Jira API token" setAt={source?.jiraTokenSetAt} value={f.jiraToken} onChange={set('jiraToken')} error={errors.fields.jiraToken} required={!source?.jiraTokenSetAt} needed={jiraNeeded} help={<><ExternalLink href={API_TOKENS_URL}>Create an API token</ExternalLink> in your Atlassian account (Security → API tokens). It is stored as a secret, never shown again, and only sent to this site: a new address needs the token again.</>} />
      </div>
      <h3>Confluence (optional)</h3>
      <div className="grid2">
        <Field label="Confluence URL" name="confluenceUrl" value={f.confluenceUrl} onChange={set('confluenceUrl')} error={errors.fields.confluenceUrl} placeholder={suggestion ?? 'https://<name>.atlassian.net/wiki'} help={<>Usually the Jira URL followed by /wiki{suggestion ? <> (<button type="button" className="link" onClick={() => set('confluenceUrl')(suggestion)}>use {suggestion}</button>)</> : null}. Left empty on a new source, saving looks for Confluence on the Jira site and fills it in.</>} />
        <Field label="Confluence email" type="email" value={f.confluenceEmail} onChange={set('confluenceEmail')} error={errors.fields.confluenceEmail} help="Empty: the Jira email is used." />
        <TokenField label="Confluence API token" setAt={source?.confluenceTokenSetAt} value={f.confluenceToken} onChange={set('confluenceToken')} error={errors.fields.confluenceToken} required={false} needed={confluenceNeeded} help="Empty: the Jira API token is used (Confluence on the Jira site only)." />
        <label className="checkbox">
          <input type="checkbox" checked={f.enabled} onChange={(e) => setF((x) => ({ ...x, enabled: e.target.checked }))} /> Enabled (fetched by the scheduled sync)
        </label>
      </div>
      <h3>Who can see titles from this site</h3>
      <p className="subtle">
        This site cannot tell us who may read its issues and pages, so titles and links of its activity are shown on the
        dashboard only to Jira administrators and to members of the groups listed here (groups of the site ActivityPulse is
        installed on); everyone else sees counts only. With no groups listed, the groups allowed to open the dashboard
        (Access tab) see them.
      </p>
      <GroupList field="viewGroups" itemLabel="Title group" groups={viewGroups} onChange={setViewGroups} errors={errors.fields} />
      <label className="checkbox">
        <input type="checkbox" name="showRestrictedTitles" checked={showRestrictedTitles} onChange={(e) => setShowRestrictedTitles(e.target.checked)} /> Show titles of restricted items
      </label>
      <p className="subtle">
        Off: issues with a security level and pages with view restrictions on this site (or not yet known to have none) are counted without title or link.
      </p>
      {notes.map((n) => <div key={n} className="banner info" role="status" data-testid="save-note">{n}</div>)}
      <ErrorBanner message={errors.form ?? errors.fields.viewGroups} />
      <div className="row" style={{ marginTop: 12 }}>
        <button className="btn primary" type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save'}</button>
        <button className="btn subtle" type="button" onClick={() => (stored ? onSaved(stored) : onCancel())}>{stored ? 'Close' : 'Cancel'}</button>
      </div>
    </form>
  );
}
