import { DAY_MS, type TimeWindow } from '../domain/time-window';
import { fail, ok, type Result } from '../shared/result';
import type { AdminDeps } from './deps';

/**
 * UTC+14 (Line Islands) is the earliest time zone: a day that has not begun there has not begun
 * for any admin, while "today" in the admin's own zone may already be tomorrow in UTC.
 */
const EARLIEST_ZONE_MS = 14 * 3_600_000;

/**
 * "Fetch now" over whole UTC days [since, until]: the until day is included, so the window
 * handed to the sync ends at the next midnight (or now, whichever is earlier).
 */
export async function fetchNow(deps: AdminDeps, p: { id: string; since: string; until: string }): Promise<Result<string[]>> {
  const ds = await deps.config.getDataSource(p.id);
  if (!ds) return fail('NOT_FOUND', 'This data source no longer exists: reload the page.');
  if (!ds.enabled) return fail('BAD_REQUEST', `${ds.name} is disabled: enable it before fetching.`, 'id');
  const since = Date.parse(`${p.since}T00:00:00Z`);
  const untilDay = Date.parse(`${p.until}T00:00:00Z`);
  if (Number.isNaN(since)) return fail('BAD_REQUEST', 'This is not a date.', 'since');
  if (Number.isNaN(untilDay)) return fail('BAD_REQUEST', 'This is not a date.', 'until');
  const now = deps.now().getTime();
  const latestToday = now + EARLIEST_ZONE_MS;
  if (untilDay > latestToday) return fail('BAD_REQUEST', 'The end date is in the future: choose today or earlier.', 'until');
  if (untilDay < since) return fail('BAD_REQUEST', 'The end date is before the start date.', 'until');
  if (since > now) return fail('BAD_REQUEST', 'The start date is in the future: choose today or earlier.', 'since');
  if (untilDay - since > 366 * DAY_MS) return fail('BAD_REQUEST', 'Fetch at most one year at a time.', 'since');
  if ((await deps.sync.running()).some((r) => r.dataSourceId === ds.id)) {
    return fail('CONFLICT', `A fetch of ${ds.name} is already running: wait for it to finish, or cancel it.`, 'id');
  }
  const window: TimeWindow = { sinceMs: since, untilMs: Math.min(untilDay + DAY_MS, now) };
  const runIds = await deps.sync.start({ dataSourceId: ds.id, window, reason: 'manual' });
  return ok(runIds);
}
