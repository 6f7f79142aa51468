import Lozenge from '@atlaskit/lozenge';
import { router } from '@forge/bridge';
import { KIND_TOTAL_LABELS } from '../../../../src/shared/activity-kinds';
import type { FeedEvent } from '../../../../src/shared/dashboard-contract';
import { zoneLabel } from '../../../../src/shared/zoned-time';
import { TeammateAvatar } from '../../../shared/teammate-avatar';
import { formatHours, formatWhen } from '../labels';

const RESTRICTION_HINT = {
  'privacy-mode': 'Titles are hidden in privacy mode',
  permission: 'You may not browse this project or space',
  'restricted-item': 'This issue or page is restricted (security level or page restriction)',
} as const;

/** Links leave through the host's router (a new tab in Jira), or the browser outside one. */
function openOutside(url: string) {
  void router.open(url).catch(() => window.open(url, '_blank', 'noopener'));
}

export function FeedItem({ e, timeZone }: { e: FeedEvent; timeZone: string }) {
  return (
    <li data-testid="feed-item" data-id={e.id} data-restricted={e.restricted ?? ''}>
      <time dateTime={e.at} title={zoneLabel(e.at, timeZone)}>
        {formatWhen(e.at, timeZone)}
      </time>
      <span className="who">
        <TeammateAvatar name={e.teammateName} src={e.teammateAvatarUrl} />
        {e.teammateName}
      </span>
      <Lozenge testId="kind" appearance={e.source === 'jira' ? 'inprogress' : 'new'}>{KIND_TOTAL_LABELS[e.kind]}</Lozenge>
      {e.container.key !== null && <span className="where">{e.container.key}</span>}
      {e.title !== null && e.url !== null ? (
        <a
          href={e.url}
          target="_blank"
          rel="noreferrer"
          data-testid="feed-link"
          onClick={(ev) => {
            ev.preventDefault();
            openOutside(e.url as string);
          }}
        >
          {e.entityKey && e.source === 'jira' ? `${e.entityKey} ` : ''}
          {e.title}
        </a>
      ) : (
        <span className="restricted" data-testid="feed-restricted" title={RESTRICTION_HINT[e.restricted ?? 'permission']}>
          restricted
        </span>
      )}
      {e.seconds !== undefined && <span className="muted">{formatHours(e.seconds)}</span>}
    </li>
  );
}
