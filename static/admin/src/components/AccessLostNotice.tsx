import SectionMessage from '@atlaskit/section-message';
import type { DataSourceView } from '../../../../src/shared/admin-contract';

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).host : '';
  } catch {
    return url ?? '';
  }
}

/**
 * One line per project or space the source's account can no longer read (found by the daily
 * deletion check). Their activity is kept: nothing is deleted on a lost permission.
 */
export function AccessLostNotice({ ds }: { ds: DataSourceView }) {
  const lost = ds.accessLost;
  if (!lost || (lost.containers.length === 0 && lost.more === 0)) return null;
  return (
    <div className="notice">
      <SectionMessage appearance="warning" title="Access lost">
        <ul data-testid="access-lost">
          {lost.containers.map((c) => {
            const site = hostOf(c.type === 'space' ? (ds.confluenceUrl ?? ds.jiraUrl) : ds.jiraUrl);
            return (
              <li key={`${c.type}:${c.id}`}>
                Access lost to {c.type} {c.name || c.key} ({site}): activity kept; restore the account&apos;s access or remove the source
              </li>
            );
          })}
          {lost.more > 0 ? <li>Access lost to {lost.more} more projects or spaces: activity kept</li> : null}
        </ul>
      </SectionMessage>
    </div>
  );
}
