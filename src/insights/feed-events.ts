import { ACTIVITY_KINDS, type Activity } from '../domain/activity';
import type { FeedEvent } from '../shared/dashboard-contract';
import type { ActivityIndex } from '../store/activity-repository';
import type { FilterScope } from './filter-scope';
import { REMOVED_TEAMMATE_LABEL } from './summary-shape';
import { teammatePictures } from './teammate-pictures';
import type { ViewerSession } from './viewer-session';

/** What the viewer may see of one activity: counted always, titled and linked only when allowed. */
export function toFeedEvent(a: Activity, session: ViewerSession, people: ReadonlyMap<string, FeedPerson>): FeedEvent {
  const who = people.get(a.teammateId);
  const { containerVisible: visible, restriction: restricted } = session.visibilityOf(a);
  return {
    id: a.id,
    at: a.at,
    kind: a.kind,
    source: a.source,
    dataSourceId: a.dataSourceId,
    teammateId: a.teammateId,
    teammateName: who?.name ?? REMOVED_TEAMMATE_LABEL,
    ...(who?.avatarUrl ? { teammateAvatarUrl: who.avatarUrl } : {}),
    container: {
      type: a.container.type,
      key: visible ? a.container.key : null,
      name: visible ? a.container.name : null,
    },
    title: restricted ? null : a.entity.title,
    entityKey: restricted ? null : a.entity.key,
    url: restricted ? null : a.url,
    restricted,
    ...(a.details.seconds !== undefined ? { seconds: a.details.seconds } : {}),
  };
}

/** How the feed shows a teammate: name, and picture when the viewer is shown pictures. */
export interface FeedPerson {
  name: string;
  avatarUrl?: string;
}

export function rosterPeople(session: ViewerSession): Map<string, FeedPerson> {
  const pictures = teammatePictures(session);
  return new Map(
    session.roster.teammates.map((t) => {
      const avatarUrl = pictures.get(t.id);
      return [t.id, { name: t.name, ...(avatarUrl ? { avatarUrl } : {}) }];
    }),
  );
}

/** Post-filtering is needed when the chosen index does not already narrow to exactly the scope. */
export function needsPostFilter(scope: FilterScope, index: ActivityIndex): boolean {
  if (scope.kinds.size < ACTIVITY_KINDS.length || scope.containerKey !== undefined) return true;
  if (scope.teammateIds !== null && !(scope.teammateIds.size === 1 && index.by === 'teammate')) return true;
  return scope.dataSourceId !== undefined && index.by !== 'source';
}
