import type { Route } from '../router';
import { ok, type SiteRequest } from '../http-types';
import { intParam } from '../paging';
import type { FixtureIssue, FixtureWorklog } from '../fixture-schema';
import { toMs } from '../time';
import { liveWorklogs, worklog } from './render-issue';
import { pathIssue } from './issue-access';
import { parseIds } from './ids-body';

/**
 * Worklogs: the incremental feeds GET /rest/api/3/worklog/updated and /worklog/deleted
 * (since epoch ms inclusive, ≤1000 per page oldest first, nothing from the last minute,
 * `until` = newest item on the page, `nextPage` until `lastPage`), POST /rest/api/3/worklog/list
 * and the per-issue GET /rest/api/3/issue/{issueIdOrKey}/worklog.
 */

const FEED_PAGE = 1000;
const QUIET_MS = 60_000;

function feed(req: SiteRequest, kind: 'updated' | 'deleted'): ReturnType<typeof ok> {
  const since = intParam(req.query, 'since', 0, 0);
  const cutoff = req.state.now() - QUIET_MS;
  const items: Array<{ worklogId: number; updatedTime: number }> = [];
  for (const issue of req.state.raw.issues) {
    if (kind === 'updated' ? !req.viewer.canSeeIssue(issue) : issue.deletedAt || !req.viewer.canBrowseProject(req.state.projectsById.get(issue.projectId))) continue;
    for (const w of issue.worklogs) {
      const at = kind === 'updated' ? (w.deletedAt ? undefined : toMs(w.updated)) : w.deletedAt ? toMs(w.deletedAt) : undefined;
      if (at !== undefined && at >= since && at <= cutoff) items.push({ worklogId: Number(w.id), updatedTime: at });
    }
  }
  items.sort((a, b) => a.updatedTime - b.updatedTime || a.worklogId - b.worklogId);
  const page = items.slice(0, FEED_PAGE);
  const lastPage = items.length <= FEED_PAGE;
  const until = page.length > 0 ? page[page.length - 1].updatedTime : since;
  const base = `${req.siteUrl}/rest/api/3/worklog/${kind}`;
  return ok({
    values: page.map((v) => ({ ...v, properties: [] })),
    since: page.length > 0 ? page[0].updatedTime : since,
    until,
    self: `${base}?since=${since}`,
    ...(lastPage ? {} : { nextPage: `${base}?since=${until}` }),
    lastPage,
  });
}

function list(req: SiteRequest): ReturnType<typeof ok> {
  const wanted = new Set(parseIds(req.body, 'worklog'));
  const found: Array<[FixtureIssue, FixtureWorklog]> = [];
  for (const issue of req.state.liveIssues()) {
    if (!req.viewer.canSeeIssue(issue)) continue;
    for (const w of issue.worklogs) if (wanted.has(w.id) && !w.deletedAt) found.push([issue, w]);
  }
  found.sort(([, a], [, b]) => Number(a.id) - Number(b.id));
  return ok(found.map(([issue, w]) => worklog(issue, w, req.viewer)));
}

function perIssue(req: SiteRequest): ReturnType<typeof ok> {
  const issue = pathIssue(req);
  const startAt = intParam(req.query, 'startAt', 0, 0);
  const maxResults = intParam(req.query, 'maxResults', 5000, 0, 5000);
  const after = intParam(req.query, 'startedAfter', Number.MIN_SAFE_INTEGER, Number.MIN_SAFE_INTEGER);
  const before = intParam(req.query, 'startedBefore', Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER);
  const all = liveWorklogs(issue).filter((w) => toMs(w.started) >= after && toMs(w.started) < before);
  return ok({
    startAt,
    maxResults,
    total: all.length,
    worklogs: all.slice(startAt, startAt + maxResults).map((w) => worklog(issue, w, req.viewer)),
  });
}

export const worklogRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/worklog/updated', handler: (req) => feed(req, 'updated') },
  { method: 'GET', template: '/rest/api/3/worklog/deleted', handler: (req) => feed(req, 'deleted') },
  { method: 'POST', template: '/rest/api/3/worklog/list', handler: list },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/worklog', handler: perIssue },
];
