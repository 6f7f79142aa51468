import type { Viewer } from '../access/viewer-permissions';
import type { Activity } from '../domain/activity';
import type { DataSource } from '../domain/config';
import type { DashboardExport, DashboardRequest } from '../shared/dashboard-contract';
import { ok, type Result } from '../shared/result';
import { listDataSources } from './config-queries';
import { toCsv } from './csv';
import { rosterPeople, toFeedEvent } from './feed-events';
import { readFeedPage } from './get-feed';
import type { InsightsDeps } from './viewer-session';

export type ExportRequest = DashboardRequest<'dashboard/export'>;

/** Rows per call: a chunk stays far below the resolver's payload and time limits. */
export const EXPORT_CHUNK_ROWS = 2000;
const EXPORT_MAX_PAGES = 40;

/**
 * Data source names for the CSV. A source no longer configured (or a host site not yet recorded)
 * is named after the site its activity links to, never by its internal id.
 */
function namesOfSources(sources: readonly DataSource[], activities: readonly Activity[]): Map<string, string> {
  const names = new Map(sources.map((d) => [d.id, d.name]));
  for (const a of activities) {
    if (names.has(a.dataSourceId)) continue;
    try {
      names.set(a.dataSourceId, new URL(a.url).hostname);
    } catch {
      names.set(a.dataSourceId, a.dataSourceId);
    }
  }
  return names;
}

/** The filtered events as CSV, in chunks the UI stitches together (header in the first one). */
export async function exportEvents(deps: InsightsDeps, request: ExportRequest, viewer: Viewer): Promise<Result<DashboardExport>> {
  const { filters, cursor, timeZone } = request;
  const page = await readFeedPage(deps, viewer, { filters, cursor, limit: EXPORT_CHUNK_ROWS, maxPages: EXPORT_MAX_PAGES, purpose: 'export' });
  if (!page.ok) return page;
  const people = rosterPeople(page.data.session);
  const events = page.data.scan.activities.map((a) => toFeedEvent(a, page.data.session, people));
  const dataSourceNames = namesOfSources(await listDataSources(deps.kvs), page.data.scan.activities);
  return ok({
    csv: toCsv(events, { first: cursor === undefined, dataSourceNames, timeZone }),
    rows: events.length,
    ...(page.data.nextCursor ? { nextCursor: page.data.nextCursor } : {}),
  });
}
