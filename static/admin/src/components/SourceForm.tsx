import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import SectionMessage from '@atlaskit/section-message';
import { useState, type FormEvent } from 'react';
import type { DataSourceView } from '../../../../src/shared/admin-contract';
import { call } from '../../../shared/call';
import { useSaveForm } from '../useSaveForm';
import { ConfluenceSection } from './ConfluenceSection';
import { ErrorBanner } from './Field';
import { JiraSection } from './JiraSection';
import { tokensNeeded, wikiFor } from './source-form-rules';
import { TitleAccessSection } from './TitleAccessSection';
import type { TokenKind } from './TokenFields';

interface Props {
  source?: DataSourceView;
  /** Saved and its connection test passed (or nothing needed a test); `notes` say what the save did by itself. */
  onSaved: (s: DataSourceView, notes: string[]) => void;
  /** Stored, but its connection test failed: the form stays open at the fields to fix. */
  onStored: () => void;
  onCancel: () => void;
}

export function SourceForm({ source, onSaved, onStored, onCancel }: Props) {
  const [f, setF] = useState({
    name: source?.name ?? '', jiraUrl: source?.jiraUrl ?? '', jiraEmail: source?.jiraEmail ?? '', jiraToken: '',
    confluenceUrl: source?.confluenceUrl ?? '', confluenceEmail: source?.confluenceEmail ?? '', confluenceToken: '',
    // A source waiting for a passing test was saved enabled: it is enabled once a test passes.
    enabled: source ? source.enabled || source.awaitingTest !== undefined : true,
  });
  // Once stored (even failing its test), saving again updates that source instead of adding another.
  const [storedId, setStoredId] = useState(source?.id);
  const [tokenKind, setTokenKind] = useState<TokenKind>(source?.tokenKind ?? 'classic');
  const [showRestrictedTitles, setShowRestrictedTitles] = useState(source?.showRestrictedTitles === true);
  const [viewGroups, setViewGroups] = useState<string[]>(source?.viewGroups ?? []);
  // What the last save did by itself (e.g. looked for Confluence on the site), shown while the form stays open.
  const [notes, setNotes] = useState<string[]>([]);
  const { errors, showProblems, scope, busy, submit: send } = useSaveForm();
  const needed = tokensNeeded(source, f.jiraUrl, f.confluenceUrl, tokenKind);
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));

  async function submit(e: FormEvent) {
    const answer = await send(e, () => call('sources/save', { ...(storedId ? { id: storedId } : {}), ...f, tokenKind, viewGroups, showRestrictedTitles }));
    if (!answer) return;
    const { source: saved, problems, notes: said = [] } = answer;
    if (!problems?.length) return onSaved(saved, said);
    setStoredId(saved.id);
    setNotes(said);
    // The save may have looked for Confluence on the site: show the address it stored.
    setF((x) => ({ ...x, confluenceUrl: saved.confluenceUrl ?? '' }));
    showProblems(
      problems,
      saved.enabled
        ? `${saved.name} is saved and keeps running, but its connection test got no clear answer: check the message below.`
        : `${saved.name} is saved but stays disabled until its connection test passes: fix what is marked and save again.`,
    );
    onStored();
  }

  return (
    <form className="card" ref={scope} onSubmit={submit} aria-label={source ? `Edit ${source.name}` : 'Add data source'} noValidate>
      <h3>{source ? `Edit ${source.name}` : 'Add another Atlassian Cloud site'}</h3>
      <SectionMessage appearance="information">
        Only Atlassian Cloud sites (https://&lt;name&gt;.atlassian.net) can be connected. Jira Data Center and Server
        cannot be reached: a Forge app may only call the domains it declared when it was deployed.
      </SectionMessage>
      <div className="grid2">
        <JiraSection f={f} set={set} tokenKind={tokenKind} onTokenKind={setTokenKind} tokenSetAt={source?.jiraTokenSetAt} tokenNeeded={needed.jira} errors={errors.fields} />
      </div>
      <h3>Confluence (optional)</h3>
      <div className="grid2">
        <ConfluenceSection url={f.confluenceUrl} email={f.confluenceEmail} token={f.confluenceToken} set={set} suggestion={wikiFor(f.jiraUrl)} tokenSetAt={source?.confluenceTokenSetAt} tokenNeeded={needed.confluence} errors={errors.fields} />
        <div className="checkbox">
          <Checkbox name="enabled" isChecked={f.enabled} onChange={(e) => { const enabled = e.currentTarget.checked; setF((x) => ({ ...x, enabled })); }} label="Enabled (fetched by the scheduled sync)" />
        </div>
      </div>
      <TitleAccessSection viewGroups={viewGroups} onViewGroups={setViewGroups} showRestrictedTitles={showRestrictedTitles} onShowRestrictedTitles={setShowRestrictedTitles} errors={errors.fields} />
      {notes.map((n) => <SectionMessage key={n} appearance="information"><span role="status" data-testid="save-note">{n}</span></SectionMessage>)}
      <ErrorBanner message={errors.form ?? errors.fields.viewGroups} />
      <div className="row actions">
        <Button appearance="primary" type="submit" isLoading={busy}>Save</Button>
        <Button appearance="subtle" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
