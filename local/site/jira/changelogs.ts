import { z } from 'zod';
import type { Route } from '../router';
import { badRequest, ok, type SiteRequest } from '../http-types';
import { parseBody } from '../body';
import { decodeToken, encodeToken, fingerprint, intParam } from '../paging';
import type { FixtureHistory, FixtureIssue } from '../fixture-schema';
import { byCreatedThenId, history } from './render-issue';
import { pageBean, pathIssue } from './issue-access';

/**
 * Changelogs: POST /rest/api/3/changelog/bulkfetch (≤1000 issues, ≤10 fieldIds, maxResults ≤10000
 * histories per page, ordered by history date then issue id) and the per-issue offset-paged
 * GET /rest/api/3/issue/{issueIdOrKey}/changelog (oldest first).
 */

const bulkSchema = z.strictObject({
  issueIdsOrKeys: z.array(z.string()).min(1).max(1000),
  fieldIds: z.array(z.string()).max(10).optional(),
  maxResults: z.number().int().min(1).max(10000).optional(),
  nextPageToken: z.string().optional(),
});

function bulk(req: SiteRequest): ReturnType<typeof ok> {
  const ids = (req.body as { issueIdsOrKeys?: unknown } | undefined)?.issueIdsOrKeys;
  if (Array.isArray(ids) && ids.length > 1000) throw badRequest('The number of issue IDs or keys must not exceed 1000.');
  const b = parseBody(bulkSchema, req.body);
  if (b.fieldIds && new Set(b.fieldIds).size !== b.fieldIds.length) throw badRequest('fieldIds must be unique.');
  const fieldIds = b.fieldIds && b.fieldIds.length > 0 ? new Set(b.fieldIds) : undefined;
  const issues = new Map<string, FixtureIssue>();
  for (const idOrKey of b.issueIdsOrKeys) {
    const issue = req.state.issue(idOrKey);
    if (req.viewer.canSeeIssue(issue)) issues.set(issue.id, issue);
  }
  const entries: Array<{ issue: FixtureIssue; h: FixtureHistory }> = [];
  for (const issue of issues.values()) {
    for (const h of issue.changelog) {
      if (!fieldIds || h.items.some((i) => fieldIds.has(i.fieldId))) entries.push({ issue, h });
    }
  }
  entries.sort(
    (a, b) => Date.parse(a.h.created) - Date.parse(b.h.created) || Number(a.issue.id) - Number(b.issue.id) || byCreatedThenId(a.h, b.h),
  );
  const size = b.maxResults ?? 1000;
  const fp = fingerprint(['changelog/bulkfetch', [...issues.keys()].sort(), b.fieldIds ?? []]);
  const start = decodeToken(b.nextPageToken, fp);
  const page = entries.slice(start, start + size);
  const grouped = new Map<string, Array<Record<string, unknown>>>();
  for (const { issue, h } of page) {
    const list = grouped.get(issue.id) ?? [];
    list.push(history(h, req.viewer, fieldIds));
    grouped.set(issue.id, list);
  }
  const isLast = start + size >= entries.length;
  return ok({
    issueChangeLogs: [...grouped.entries()].map(([issueId, changeHistories]) => ({ issueId, changeHistories })),
    ...(isLast ? {} : { nextPageToken: encodeToken(start + size, fp) }),
  });
}

function perIssue(req: SiteRequest): ReturnType<typeof ok> {
  const issue = pathIssue(req);
  const startAt = intParam(req.query, 'startAt', 0, 0);
  const maxResults = intParam(req.query, 'maxResults', 100, 1, 100);
  const all = [...issue.changelog].sort(byCreatedThenId);
  const self = `${req.siteUrl}/rest/api/3/issue/${issue.id}/changelog?startAt=${startAt}&maxResults=${maxResults}`;
  const { values, bean } = pageBean(all, startAt, maxResults, self);
  return ok({ ...bean, values: values.map((h) => history(h, req.viewer)) });
}

export const changelogRoutes: Route[] = [
  { method: 'POST', template: '/rest/api/3/changelog/bulkfetch', handler: bulk },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/changelog', handler: perIssue },
];
