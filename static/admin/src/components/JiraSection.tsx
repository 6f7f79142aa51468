import { API_TOKENS_URL, ExternalLink } from './ExternalLink';
import { Field } from './Field';
import { TokenField, TokenKindField, type TokenKind } from './TokenFields';

interface Props {
  f: { name: string; jiraUrl: string; jiraEmail: string; jiraToken: string };
  set: (k: 'name' | 'jiraUrl' | 'jiraEmail' | 'jiraToken') => (v: string) => void;
  tokenKind: TokenKind;
  onTokenKind: (k: TokenKind) => void;
  tokenSetAt?: string;
  tokenNeeded?: string;
  errors: Record<string, string>;
}

const TOKEN_HELP = <><ExternalLink href={API_TOKENS_URL}>Create an API token</ExternalLink> in your Atlassian account (Security → API tokens). It is stored as a secret, never shown again, and only sent to this site: a new address needs the token again.</>;

/** A source's name, Jira address and the account and API token it reads with. */
export function JiraSection({ f, set, tokenKind, onTokenKind, tokenSetAt, tokenNeeded, errors }: Props) {
  return (
    <>
      <Field label="Name" value={f.name} onChange={set('name')} error={errors.name} help="Shown on the dashboard. Empty: the site name." />
      <Field label="Jira URL" name="jiraUrl" value={f.jiraUrl} onChange={set('jiraUrl')} error={errors.jiraUrl} placeholder="https://your-team.atlassian.net" required help="Pasting a page address (…/browse/KEY-1) is fine: it is trimmed." />
      <Field label="Jira email" name="jiraEmail" type="email" value={f.jiraEmail} onChange={set('jiraEmail')} error={errors.jiraEmail} required help="The Atlassian account that created the API token." />
      <TokenKindField value={tokenKind} onChange={onTokenKind} error={errors.tokenKind} />
      <TokenField label="Jira API token" setAt={tokenSetAt} value={f.jiraToken} onChange={set('jiraToken')} error={errors.jiraToken} required={!tokenSetAt} needed={tokenNeeded} help={TOKEN_HELP} />
    </>
  );
}
