import { activityId, type Activity, type Container, type ActivityEntity, type ItemRestriction } from '../../domain/activity';
import type { ConfluenceContent, ConfluenceSpace, ConfluenceVersion, ContentType } from '../../sources/confluence/schemas';
import { creditFor, recordedRestriction, type AttributionContext } from './context';

export interface ContentInfo {
  id: string;
  type: ContentType;
  title: string;
  space: { id: string; key: string; name: string };
  /** A read restriction on it or an ancestor; 'unknown' until read (src/sync/streams/confluence-shared.ts). */
  restricted: ItemRestriction;
}

export function contentInfo(c: ConfluenceContent, type: ContentType, space: ConfluenceSpace | undefined): ContentInfo {
  return {
    id: c.id,
    type,
    title: c.title,
    space: { id: c.spaceId, key: space?.key ?? c.spaceId, name: space?.name ?? '' },
    restricted: 'unknown',
  };
}

function make(
  ctx: AttributionContext,
  info: ContentInfo,
  a: Pick<Activity, 'id' | 'kind' | 'details'> & { actor?: string | null; at: string; url?: string },
): Activity | undefined {
  const credit = creditFor(ctx, a.actor, a.at);
  if (!credit) return undefined;
  const container: Container = { type: 'space', ...info.space };
  const entity: ActivityEntity = { type: info.type, id: info.id, key: info.id, title: info.title };
  return {
    id: a.id,
    source: 'confluence',
    dataSourceId: ctx.dataSourceId,
    kind: a.kind,
    ...credit,
    container,
    entity,
    url: a.url ?? `${ctx.wikiUrl}/pages/viewpage.action?pageId=${info.id}`,
    details: a.details,
    restricted: recordedRestriction(ctx, info.restricted),
  };
}

export function pageCreatedActivity(ctx: AttributionContext, info: ContentInfo, c: ConfluenceContent): Activity | undefined {
  return make(ctx, info, {
    id: activityId.pageCreated(ctx.dataSourceId, c.id),
    kind: 'confluence.page.created',
    actor: c.authorId,
    at: c.createdAt,
    details: {},
  });
}

/** Version 1 is the creation; every later version is an update by its author. */
export function pageUpdatedActivity(ctx: AttributionContext, info: ContentInfo, v: ConfluenceVersion): Activity | undefined {
  if (v.number < 2) return undefined;
  return make(ctx, info, {
    id: activityId.pageUpdated(ctx.dataSourceId, info.id, v.number),
    kind: 'confluence.page.updated',
    actor: v.authorId,
    at: v.createdAt,
    details: { version: v.number },
  });
}

/** A comment by the author of its first version, at that version's time. */
export function confluenceCommentActivity(
  ctx: AttributionContext,
  info: ContentInfo,
  commentId: string,
  first: ConfluenceVersion,
): Activity | undefined {
  return make(ctx, info, {
    id: activityId.confluenceComment(ctx.dataSourceId, commentId),
    kind: 'confluence.comment',
    actor: first.authorId,
    at: first.createdAt,
    url: `${ctx.wikiUrl}/pages/viewpage.action?pageId=${info.id}&focusedCommentId=${commentId}`,
    details: { commentId },
  });
}
