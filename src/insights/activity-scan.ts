import { activitySchema, containerKey, type Activity } from '../domain/activity';
import { ENTITY, INDEX } from '../store/keys';
import type { KvsEntityQuery, KvsPort } from '../store/kvs-port';
import type { FeedPosition } from './feed-cursor';
import type { FilterScope } from './filter-scope';

/** Which activity index answers a filtered, newest-first scan with the least waste. */
export function planScan(scope: FilterScope, fromSec: number, toSecExclusive: number): Omit<KvsEntityQuery, 'cursor' | 'limit'> {
  const range = { op: 'between' as const, from: fromSec, to: toSecExclusive - 1 };
  if (scope.teammateIds !== null && scope.teammateIds.size === 1) {
    return { index: INDEX.activity.byTeammateTime, partition: [[...scope.teammateIds][0]], range, sort: 'DESC' };
  }
  if (scope.dataSourceId !== undefined) {
    return { index: INDEX.activity.bySourceTime, partition: [scope.dataSourceId], range, sort: 'DESC' };
  }
  return { index: INDEX.activity.byTime, range, sort: 'DESC' };
}

/** Filters the index cannot apply. Re-checked on the document, so the index choice is only speed. */
export function matchesScope(a: Activity, scope: FilterScope): boolean {
  if (scope.teammateIds !== null && !scope.teammateIds.has(a.teammateId)) return false;
  if (!scope.kinds.has(a.kind)) return false;
  if (scope.dataSourceId !== undefined && a.dataSourceId !== scope.dataSourceId) return false;
  if (scope.containerKey !== undefined && containerKey(a.dataSourceId, a.container) !== scope.containerKey) return false;
  return true;
}

export interface ScanBudget {
  limit: number;
  /** KVS reads per call at most; a scan that runs out returns a cursor and fewer events. */
  maxPages: number;
  pageSize: number;
}

export interface ScanResult {
  activities: Activity[];
  next?: FeedPosition;
  /** Stored documents that failed validation and were left out. */
  skippedMalformed: number;
}

const storedActivity = { parse: (v: unknown) => activitySchema.safeParse((v as { doc?: unknown } | null)?.doc) };

export async function scanActivities(
  kvs: KvsPort,
  query: Omit<KvsEntityQuery, 'cursor' | 'limit'>,
  scope: FilterScope,
  start: FeedPosition,
  budget: ScanBudget,
): Promise<ScanResult> {
  const activities: Activity[] = [];
  let skippedMalformed = 0;
  let cursor = start.kvsCursor;
  let skip = start.skip;
  for (let pages = 0; pages < budget.maxPages; pages++) {
    const page = await kvs.entityQuery<unknown>(ENTITY.activity, {
      ...query,
      limit: budget.pageSize,
      ...(cursor ? { cursor } : {}),
    });
    for (let i = skip; i < page.results.length; i++) {
      const parsed = storedActivity.parse(page.results[i].value);
      if (!parsed.success) {
        skippedMalformed++;
        continue;
      }
      if (!matchesScope(parsed.data, scope)) continue;
      activities.push(parsed.data);
      if (activities.length === budget.limit) {
        const next =
          i + 1 < page.results.length ? { kvsCursor: cursor, skip: i + 1 } : page.nextCursor ? { kvsCursor: page.nextCursor, skip: 0 } : undefined;
        return { activities, ...(next ? { next } : {}), skippedMalformed };
      }
    }
    if (!page.nextCursor) return { activities, skippedMalformed };
    cursor = page.nextCursor;
    skip = 0;
  }
  return { activities, next: { kvsCursor: cursor, skip: 0 }, skippedMalformed };
}
