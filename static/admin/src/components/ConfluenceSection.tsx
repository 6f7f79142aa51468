import { Field } from './Field';
import { TokenField } from './TokenFields';

interface Props {
  url: string;
  email: string;
  token: string;
  set: (k: 'confluenceUrl' | 'confluenceEmail' | 'confluenceToken') => (v: string) => void;
  suggestion?: string;
  tokenSetAt?: string;
  tokenNeeded?: string;
  errors: Record<string, string>;
}

/** The optional Confluence of a source: its address (with the /wiki suggestion), email and token. */
export function ConfluenceSection(p: Props) {
  const help = (
    <>
      Usually the Jira URL followed by /wiki
      {p.suggestion ? <> (<button type="button" className="link" onClick={() => p.set('confluenceUrl')(p.suggestion ?? '')}>use {p.suggestion}</button>)</> : null}.
      Left empty on a new source, saving looks for Confluence on the Jira site and fills it in.
    </>
  );
  return (
    <>
      <Field label="Confluence URL" name="confluenceUrl" value={p.url} onChange={p.set('confluenceUrl')} error={p.errors.confluenceUrl} placeholder={p.suggestion ?? 'https://<name>.atlassian.net/wiki'} help={help} />
      <Field label="Confluence email" type="email" value={p.email} onChange={p.set('confluenceEmail')} error={p.errors.confluenceEmail} help="Empty: the Jira email is used." />
      <TokenField label="Confluence API token" setAt={p.tokenSetAt} value={p.token} onChange={p.set('confluenceToken')} error={p.errors.confluenceToken} required={false} needed={p.tokenNeeded} help="Empty: the Jira API token is used (Confluence on the Jira site only)." />
    </>
  );
}
