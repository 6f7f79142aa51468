import type { DataSourceView } from '../../../../src/shared/admin-contract';
import { confluenceOnJiraSite, credentialsStayBound, type CredentialTarget } from '../../../../src/shared/credential-site';

/** Suggests <jira url>/wiki while the admin types (the UI mirror of the server's normalisation). */
export function wikiFor(jiraUrl: string): string | undefined {
  const m = /^(?:https:\/\/)?([a-z0-9-]+\.(?:atlassian\.net|jira\.com))(?:[/?]|$)/i.exec(jiraUrl.trim());
  return m ? `https://${m[1].toLowerCase()}/wiki` : undefined;
}

const SITE_CHANGED = 'The site changed: enter its API token again. A saved token is only ever sent to the site it was entered for.';
const CONFLUENCE_ELSEWHERE = 'Confluence is on another site than Jira: enter an API token for it. The Jira token is only used on its own site.';
const KIND_CHANGED = 'The token kind changed: paste the API token again.';

/**
 * Why a token must be typed now although one may be saved (undefined when none is needed): the
 * server's rule, asked as the admin types. The cloud id is read by the server; a changed kind
 * alone already needs the token again.
 */
export function tokensNeeded(source: DataSourceView | undefined, jiraUrl: string, confluenceUrl: string, tokenKind: 'classic' | 'scoped'): { jira?: string; confluence?: string } {
  const typed: CredentialTarget = { jiraUrl, confluenceUrl: confluenceUrl.trim() || undefined };
  const kindChanged = !!source && (source.tokenKind ?? 'classic') !== tokenKind;
  const jira = source && source.jiraTokenSetAt && !credentialsStayBound(source, typed, 'jira') ? SITE_CHANGED : kindChanged ? KIND_CHANGED : undefined;
  const confluence = !typed.confluenceUrl
    ? undefined
    : source?.confluenceTokenSetAt
      ? credentialsStayBound(source, typed, 'confluence') ? (kindChanged ? KIND_CHANGED : undefined) : SITE_CHANGED
      : confluenceOnJiraSite(typed) ? undefined : CONFLUENCE_ELSEWHERE;
  return { jira, confluence };
}
