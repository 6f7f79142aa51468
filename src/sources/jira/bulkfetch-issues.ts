import { z } from 'zod';
import { PAGE_LIMITS } from '../page-limits';
import { parseResponse } from '../parse-response';
import type { SiteClient } from '../site-client';
import { ISSUE_FIELDS, issueSchema, type JiraIssue } from './schemas';

const responseSchema = z.looseObject({
  issues: z.array(issueSchema).default([]),
  issueErrors: z.array(z.unknown()).default([]),
});

/**
 * POST /rest/api/3/issue/bulkfetch: up to 100 issues with the given fields. Issues the caller
 * may not see, or that were deleted, are simply missing from `issues`.
 */
export async function bulkfetchIssues(
  client: SiteClient,
  issueIds: string[],
  fields: readonly string[] = ISSUE_FIELDS,
): Promise<JiraIssue[]> {
  if (issueIds.length === 0) return [];
  if (issueIds.length > PAGE_LIMITS.issueBulkfetch) {
    throw new RangeError(`bulkfetch takes at most ${PAGE_LIMITS.issueBulkfetch} issues`);
  }
  const res = await client.request('POST', '/rest/api/3/issue/bulkfetch', {
    issueIdsOrKeys: issueIds,
    fields: [...fields],
  });
  const body = await parseResponse(res, responseSchema, 'Jira issue bulk fetch');
  return body.issues;
}
