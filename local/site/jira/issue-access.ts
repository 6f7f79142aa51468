import type { FixtureIssue } from '../fixture-schema';
import { notFound, type SiteRequest } from '../http-types';

/** The issue named in the path, or Jira's 404 for missing, deleted and unbrowsable issues alike. */
export function pathIssue(req: SiteRequest): FixtureIssue {
  const issue = req.state.issue(req.params.issueIdOrKey ?? '');
  if (!req.viewer.canSeeIssue(issue)) throw notFound('Issue does not exist or you do not have permission to see it.');
  return issue;
}

/** offset/limit page bean fields shared by Jira's PageBean* responses. */
export function pageBean<T>(all: T[], startAt: number, maxResults: number, selfUrl: string): { values: T[]; bean: Record<string, unknown> } {
  const values = all.slice(startAt, startAt + maxResults);
  const isLast = startAt + maxResults >= all.length;
  const next = new URL(selfUrl);
  next.searchParams.set('startAt', String(startAt + maxResults));
  next.searchParams.set('maxResults', String(maxResults));
  return {
    values,
    bean: {
      self: selfUrl,
      ...(isLast ? {} : { nextPage: next.toString() }),
      maxResults,
      startAt,
      total: all.length,
      isLast,
    },
  };
}
