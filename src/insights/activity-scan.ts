import { containerKey, type Activity } from '../domain/activity';
import { createActivityRepository, type ActivityIndex, type ActivityScan } from '../store/activity-repository';
import type { KvsPort } from '../store/kvs-port';
import type { FeedPosition } from './feed-cursor';
import type { FilterScope } from './filter-scope';

/** Which activity index answers a filtered, newest-first scan with the least waste. */
export function planScan(scope: FilterScope, fromSec: number, toSecExclusive: number): ActivityScan {
  const at = { fromSec, toSec: toSecExclusive - 1, sort: 'DESC' as const };
  let index: ActivityIndex = { by: 'time' };
  if (scope.teammateIds !== null && scope.teammateIds.size === 1) index = { by: 'teammate', teammateId: [...scope.teammateIds][0] };
  else if (scope.dataSourceId !== undefined) index = { by: 'source', dataSourceId: scope.dataSourceId };
  return { index, ...at };
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

export async function scanActivities(kvs: KvsPort, query: ActivityScan, scope: FilterScope, start: FeedPosition, budget: ScanBudget): Promise<ScanResult> {
  const store = createActivityRepository(kvs);
  const activities: Activity[] = [];
  let skippedMalformed = 0;
  let cursor = start.kvsCursor;
  let skip = start.skip;
  for (let pages = 0; pages < budget.maxPages; pages++) {
    const page = await store.scanPage(query, { limit: budget.pageSize, ...(cursor ? { cursor } : {}) });
    for (let i = skip; i < page.activities.length; i++) {
      const a = page.activities[i];
      if (a === null) {
        skippedMalformed++;
        continue;
      }
      if (!matchesScope(a, scope)) continue;
      activities.push(a);
      if (activities.length === budget.limit) {
        const next =
          i + 1 < page.activities.length ? { kvsCursor: cursor, skip: i + 1 } : page.nextCursor ? { kvsCursor: page.nextCursor, skip: 0 } : undefined;
        return { activities, ...(next ? { next } : {}), skippedMalformed };
      }
    }
    if (!page.nextCursor) return { activities, skippedMalformed };
    cursor = page.nextCursor;
    skip = 0;
  }
  return { activities, next: { kvsCursor: cursor, skip: 0 }, skippedMalformed };
}
