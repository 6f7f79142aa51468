import type { DataSourceView } from '../../../../src/shared/admin-contract';
import { formatDate } from '../format';

/** Where a source reads from, with which account, and who sees its titles. */
export function SourceDetails({ ds, confluenceNotConnected }: { ds: DataSourceView; confluenceNotConnected: boolean }) {
  return (
    <>
      <p className="subtle">
        Jira: {ds.jiraUrl}
        {confluenceNotConnected ? ' · Confluence: not connected to this app' : ds.confluenceUrl ? <> · Confluence: {ds.confluenceUrl}</> : ds.kind === 'host' ? ' · no Confluence on this site' : ''}
      </p>
      {ds.kind === 'host' ? (
        <p className="subtlest">Reached as the app: no credentials needed.</p>
      ) : (
        <p className="subtlest">
          {ds.jiraEmail} · {ds.jiraTokenSetAt ? `${ds.tokenKind === 'scoped' ? 'scoped ' : ''}API token set on ${formatDate(ds.jiraTokenSetAt)}` : 'no API token'}
          {ds.tokenKind === 'scoped' ? ' (through api.atlassian.com)' : ''}
          {ds.confluenceUrl ? ` · Confluence: ${ds.confluenceEmail || 'Jira email'}, ${ds.confluenceTokenSetAt ? `own token set on ${formatDate(ds.confluenceTokenSetAt)}` : 'Jira token'}` : ''}
        </p>
      )}
      {ds.kind === 'cloud' ? (
        <p className="subtlest" data-testid="title-groups">
          Titles shown to: Jira administrators and {ds.viewGroups?.length ? ds.viewGroups.join(', ') : 'the dashboard groups'}
          {ds.showRestrictedTitles ? ', restricted items included' : '; restricted issues and pages counted only'}
        </p>
      ) : null}
      {ds.failing ? <p className="error-text">Failing since {formatDate(ds.failing.since)}: {ds.failing.message}</p> : null}
    </>
  );
}
