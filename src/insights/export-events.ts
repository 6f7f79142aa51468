import type { Viewer } from '../access/viewer-permissions';
import type { DashboardExport, DashboardRequest } from '../shared/dashboard-contract';
import { ok, type Result } from '../shared/result';
import { toCsv } from './csv';
import { rosterNames, toFeedEvent } from './feed-events';
import { readFeedPage } from './get-feed';
import type { InsightsDeps } from './viewer-session';

export type ExportRequest = DashboardRequest<'dashboard/export'>;

/** Rows per call: a chunk stays far below the resolver's payload and time limits. */
export const EXPORT_CHUNK_ROWS = 2000;
const EXPORT_MAX_PAGES = 40;

/** The filtered events as CSV, in chunks the UI stitches together (header in the first one). */
export async function exportEvents(deps: InsightsDeps, request: ExportRequest, viewer: Viewer): Promise<Result<DashboardExport>> {
  const { filters, cursor } = request;
  const page = await readFeedPage(deps, viewer, { filters, cursor, limit: EXPORT_CHUNK_ROWS, maxPages: EXPORT_MAX_PAGES, purpose: 'export' });
  if (!page.ok) return page;
  const names = rosterNames(page.data.session);
  const events = page.data.scan.activities.map((a) => toFeedEvent(a, page.data.session, names));
  return ok({
    csv: toCsv(events, cursor === undefined),
    rows: events.length,
    ...(page.data.nextCursor ? { nextCursor: page.data.nextCursor } : {}),
  });
}
