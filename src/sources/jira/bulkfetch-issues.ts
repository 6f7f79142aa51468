import { z } from 'zod';
import { IssuesNotReturnedError } from '../errors';
import { PAGE_LIMITS } from '../page-limits';
import { parseResponse } from '../parse-response';
import type { SiteClient } from '../site-client';
import { ISSUE_FIELDS, issueSchema, type JiraIssue } from './schemas';

const responseSchema = z.looseObject({
  issues: z.array(issueSchema).default([]),
  issueErrors: z.array(z.looseObject({ id: z.union([z.string(), z.number()]).optional(), errorMessage: z.string().optional() })).default([]),
});

export interface BulkfetchResult {
  issues: JiraIssue[];
  /**
   * Issues Jira listed in `issueErrors`: "can't return an issue enumerated in a request due to a
   * retriable error or payload constraint". They exist and were not read; the caller must read
   * them again. (Deleted issues and issues the caller may not see are simply missing.)
   */
  unreadIds: string[];
}

/**
 * POST /rest/api/3/issue/bulkfetch: up to 100 issues with the given fields, and the ids Jira
 * could not return this time. Issues the caller may not see, or that were deleted, are simply
 * missing from both.
 */
export async function bulkfetchIssuesPartial(
  client: SiteClient,
  issueIds: string[],
  fields: readonly string[] = ISSUE_FIELDS,
): Promise<BulkfetchResult> {
  if (issueIds.length === 0) return { issues: [], unreadIds: [] };
  if (issueIds.length > PAGE_LIMITS.issueBulkfetch) {
    throw new RangeError(`bulkfetch takes at most ${PAGE_LIMITS.issueBulkfetch} issues`);
  }
  const res = await client.request('POST', '/rest/api/3/issue/bulkfetch', {
    issueIdsOrKeys: issueIds,
    fields: [...fields],
  });
  const body = await parseResponse(res, responseSchema, 'Jira issue bulk fetch');
  // An error without an id cannot be matched to a request: count every issue not returned as unread.
  const returned = new Set(body.issues.flatMap((i) => [i.id, i.key]));
  const named = body.issueErrors.map((e) => (e.id === undefined ? undefined : String(e.id)));
  const unreadIds = named.includes(undefined) ? issueIds.filter((id) => !returned.has(id)) : (named as string[]);
  return { issues: body.issues, unreadIds: [...new Set(unreadIds)] };
}

/**
 * The same call for callers that cannot come back for part of a batch: any issue Jira could not
 * return fails the call (`IssuesNotReturnedError`, retried with the step), so a missing issue is
 * never taken for a deleted or hidden one.
 */
export async function bulkfetchIssues(
  client: SiteClient,
  issueIds: string[],
  fields: readonly string[] = ISSUE_FIELDS,
): Promise<JiraIssue[]> {
  const { issues, unreadIds } = await bulkfetchIssuesPartial(client, issueIds, fields);
  if (unreadIds.length) throw new IssuesNotReturnedError(unreadIds);
  return issues;
}
