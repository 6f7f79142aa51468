import { PAGE_LIMITS } from '../../../src/sources/page-limits';
import type { SiteFixture } from '../../site/fixture-schema';

/** Comments the emulated site inlines per issue in bulkfetch (Jira Cloud inlines a first page). */
const INLINE_COMMENTS = 50;

const pages = (n: number, size: number) => Math.ceil(n / size);
const ms = (s: string) => Date.parse(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));

/**
 * The fewest REST calls a full sync of [since, ∞) can make with the endpoints' largest pages:
 * ids by search, issues and changelogs in bulk, per-issue calls only where a list overflows,
 * worklogs through their feed, Confluence ids by CQL and details in bulk.
 */
export function lowerBound(f: SiteFixture, sinceMs: number): { total: number; byEndpoint: Record<string, number> } {
  const issues = f.issues.filter((i) => !i.deletedAt && ms(i.updated) >= sinceMs);
  const b: Record<string, number> = {};
  b['POST /rest/api/3/search/jql'] = Math.max(1, pages(issues.length, PAGE_LIMITS.jqlIds));
  if (issues.length) {
    b['GET /rest/api/3/status'] = 1;
    b['POST /rest/api/3/issue/bulkfetch'] = pages(issues.length, PAGE_LIMITS.issueBulkfetch);
    const histories = issues.reduce((a, i) => a + i.changelog.length, 0);
    b['POST /rest/api/3/changelog/bulkfetch'] = Math.max(
      pages(issues.length, PAGE_LIMITS.changelogIssues),
      pages(histories, PAGE_LIMITS.changelogResults),
    );
    const overflow = issues
      .map((i) => i.comments.filter((c) => !c.deletedAt).length)
      .filter((n) => n > INLINE_COMMENTS)
      .reduce((a, n) => a + pages(n, PAGE_LIMITS.issueComments), 0);
    if (overflow) b['GET /rest/api/3/issue/{id}/comment'] = overflow;
  }
  const worklogs = f.issues.flatMap((i) => i.worklogs.filter((w) => !w.deletedAt && ms(w.updated) >= sinceMs));
  b['GET /rest/api/3/worklog/updated'] = Math.max(1, pages(worklogs.length, PAGE_LIMITS.worklogFeed));
  if (worklogs.length) b['POST /rest/api/3/worklog/list'] = pages(worklogs.length, PAGE_LIMITS.worklogList);
  if (f.confluence) confluenceBound(f, sinceMs, b);
  return { total: Object.values(b).reduce((a, n) => a + n, 0), byEndpoint: b };
}

function confluenceBound(f: SiteFixture, sinceMs: number, b: Record<string, number>): void {
  const changed = f.contents.filter((c) => c.status === 'current' && ms(c.versions[c.versions.length - 1].createdAt) >= sinceMs);
  b['GET /wiki/rest/api/search'] = Math.max(1, pages(changed.length, PAGE_LIMITS.cql));
  for (const type of ['page', 'blogpost'] as const) {
    const n = changed.filter((c) => c.type === type).length;
    if (n) b[`GET /wiki/api/v2/${type === 'page' ? 'pages' : 'blogposts'}`] = pages(n, PAGE_LIMITS.confluenceV2);
  }
  const spaces = new Set(changed.map((c) => c.spaceId)).size;
  if (spaces) b['GET /wiki/api/v2/spaces'] = pages(spaces, PAGE_LIMITS.confluenceV2);
  // Content with three or more versions needs its version list; the bulk listing has the latest.
  for (const type of ['page', 'blogpost'] as const) {
    const calls = changed
      .filter((c) => c.type === type && c.versions.length >= 3)
      .reduce((a, c) => a + pages(c.versions.length, PAGE_LIMITS.confluenceV2), 0);
    if (calls) b[`GET /wiki/api/v2/${type === 'page' ? 'pages' : 'blogposts'}/{id}/versions`] = calls;
  }
  let edited = 0;
  for (const location of ['footer', 'inline'] as const) {
    const list = f.contents
      .filter((c) => c.status === 'current' || c.status === 'archived')
      .flatMap((c) => c.comments.filter((x) => x.location === location && x.status === 'current' && ms(x.versions[0].createdAt) >= sinceMs));
    b[`GET /wiki/api/v2/${location}-comments`] = Math.max(1, pages(list.length, PAGE_LIMITS.confluenceV2));
    // An edited comment's creator is not in the v2 list: CQL gives it for 50 comments a call.
    edited += pages(list.filter((x) => x.versions.length > 1).length, PAGE_LIMITS.cql);
  }
  b['GET /wiki/rest/api/search'] += edited;
}
