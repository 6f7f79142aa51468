import type { Route } from '../router';
import { badRequest, ok, type SiteRequest } from '../http-types';
import { intParam } from '../paging';
import type { FixtureComment, FixtureIssue } from '../fixture-schema';
import { comment, liveComments } from './render-issue';
import { pathIssue } from './issue-access';
import { parseIds } from './ids-body';

/**
 * Comments: GET /rest/api/3/issue/{issueIdOrKey}/comment (startAt/maxResults, orderBy ±created)
 * and POST /rest/api/3/comment/list (≤1000 ids, visible and undeleted ones only).
 */

function perIssue(req: SiteRequest): ReturnType<typeof ok> {
  const issue = pathIssue(req);
  const startAt = intParam(req.query, 'startAt', 0, 0);
  const maxResults = intParam(req.query, 'maxResults', 100, 0, 5000);
  const orderBy = req.query.get('orderBy') ?? 'created';
  if (!['created', '+created', '-created'].includes(orderBy)) {
    throw badRequest(`The orderBy value '${orderBy}' is not supported: use created, +created or -created.`, { orderBy: 'invalid' });
  }
  const all = liveComments(issue);
  if (orderBy === '-created') all.reverse();
  return ok({
    startAt,
    maxResults,
    total: all.length,
    comments: all.slice(startAt, startAt + maxResults).map((c) => comment(issue, c, req.viewer)),
  });
}

function list(req: SiteRequest): ReturnType<typeof ok> {
  const wanted = new Set(parseIds(req.body, 'comment'));
  const found: Array<[FixtureIssue, FixtureComment]> = [];
  for (const issue of req.state.liveIssues()) {
    if (!req.viewer.canSeeIssue(issue)) continue;
    for (const c of issue.comments) if (wanted.has(c.id) && !c.deletedAt) found.push([issue, c]);
  }
  found.sort(([, a], [, b]) => Number(a.id) - Number(b.id));
  return ok({
    self: `${req.siteUrl}/rest/api/3/comment/list`,
    maxResults: 1000,
    startAt: 0,
    total: found.length,
    isLast: true,
    values: found.map(([issue, c]) => comment(issue, c, req.viewer)),
  });
}

export const commentRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/comment', handler: perIssue },
  { method: 'POST', template: '/rest/api/3/comment/list', handler: list },
];
