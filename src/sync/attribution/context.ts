import type { ItemRestriction } from '../../domain/activity';
import { HOST_DATA_SOURCE_ID } from '../../domain/config';
import { isInside, type TimeWindow } from '../../domain/time-window';
import { isoUtc } from './time';

/** What attribution needs to know about the data source and who is mapped on it. */
export interface AttributionContext {
  dataSourceId: string;
  /** https://acme.atlassian.net */
  siteUrl: string;
  /** https://acme.atlassian.net/wiki */
  wikiUrl: string;
  /** accountId → teammateId, for this data source only. */
  teammates: ReadonlyMap<string, string>;
  /** Changes outside it count for nobody. */
  window: TimeWindow;
}

/** The host records no restriction: each viewer's own access to the item decides there. */
export function recordedRestriction(ctx: AttributionContext, restricted: ItemRestriction): ItemRestriction {
  return ctx.dataSourceId === HOST_DATA_SOURCE_ID ? 'unknown' : restricted;
}

/** Who a change counts for: a mapped teammate acting inside the window, else nobody. */
export function creditFor(
  ctx: AttributionContext,
  actor: string | null | undefined,
  at: string,
): { actorAccountId: string; teammateId: string; at: string } | undefined {
  if (!actor) return undefined;
  const teammateId = ctx.teammates.get(actor);
  if (!teammateId) return undefined;
  const iso = isoUtc(at);
  return isInside(Date.parse(iso), ctx.window) ? { actorAccountId: actor, teammateId, at: iso } : undefined;
}
