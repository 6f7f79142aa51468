import type { Viewer } from '../access/viewer-permissions';
import type { DashboardFeed, DashboardFilters, DashboardRequest } from '../shared/dashboard-contract';
import { fail, ok, type Result } from '../shared/result';
import { planScan, scanActivities, type ScanResult } from './activity-scan';
import { rangeSeconds, resolveRange } from './date-range';
import { decodeCursor, encodeCursor, querySignature } from './feed-cursor';
import { needsPostFilter, rosterPeople, toFeedEvent } from './feed-events';
import { buildFilterScope } from './filter-scope';
import { todayOf } from './get-summary';
import { openViewerSession, type InsightsDeps, type ViewerSession } from './viewer-session';

export type FeedRequest = DashboardRequest<'dashboard/feed'>;

/** Reads per call: at 10 ms a read this keeps a page well under 200 ms even for rare filters. */
export const FEED_MAX_PAGES = 8;
const FILTERED_PAGE_SIZE = 100;

export interface FeedPage {
  session: ViewerSession;
  scan: ScanResult;
  nextCursor?: string;
}

/** One page of individual events, newest first, through the activity indexes. */
export async function getFeed(deps: InsightsDeps, request: FeedRequest, viewer: Viewer): Promise<Result<DashboardFeed>> {
  const { filters, cursor, limit } = request;
  const page = await readFeedPage(deps, viewer, { filters, cursor, limit, maxPages: FEED_MAX_PAGES, purpose: 'feed' });
  if (!page.ok) return page;
  const people = rosterPeople(page.data.session);
  return ok({
    events: page.data.scan.activities.map((a) => toFeedEvent(a, page.data.session, people)),
    ...(page.data.nextCursor ? { nextCursor: page.data.nextCursor } : {}),
  });
}

export interface FeedPageRequest {
  filters: DashboardFilters;
  cursor?: string;
  limit: number;
  /** KVS reads allowed for this call. */
  maxPages: number;
  /** Feed and export cursors are not interchangeable. */
  purpose: 'feed' | 'export';
}

/** Shared by the feed and the CSV export: access, scope, cursor, scan. */
export async function readFeedPage(deps: InsightsDeps, viewer: Viewer, req: FeedPageRequest): Promise<Result<FeedPage>> {
  const { filters, cursor, limit, maxPages, purpose } = req;
  const session = await openViewerSession(deps, viewer);
  if (!session.access.allowed) return fail('FORBIDDEN', session.access.reason ?? 'You may not open the team dashboard.');
  const scope = buildFilterScope(filters, session.roster);
  if (!scope.ok) return scope;
  const range = resolveRange(filters, todayOf(deps));
  const { fromSec, toSecExclusive } = rangeSeconds(range.from, range.to);
  const query = planScan(scope.data, fromSec, toSecExclusive);
  // Without post-filters one read of exactly `limit` items is a whole page.
  const boundedPageSize = needsPostFilter(scope.data, query.index) ? FILTERED_PAGE_SIZE : Math.min(limit, FILTERED_PAGE_SIZE);
  const sig = querySignature([purpose, range.from, range.to, filters, boundedPageSize]);
  let start = { skip: 0 } as { kvsCursor?: string; skip: number };
  if (cursor !== undefined) {
    const d = decodeCursor(sig, cursor);
    if (!d.ok) return fail('BAD_REQUEST', `cursor: ${d.message}`, 'cursor');
    start = d.pos;
  }
  const scan = await scanActivities(deps.kvs, query, scope.data, start, { limit, maxPages, pageSize: boundedPageSize });
  // Per item, as the viewer: issue security levels and page restrictions count, and the host's
  // places need no separate check (seeing an item implies seeing its project or space).
  await session.learnItems(scan.activities);
  return ok({ session, scan, ...(scan.next ? { nextCursor: encodeCursor(sig, scan.next) } : {}) });
}
