import { z } from 'zod';
import { PAGE_LIMITS } from '../page-limits';
import { parseResponse } from '../parse-response';
import type { SiteClient } from '../site-client';

const responseSchema = z.looseObject({
  issues: z.array(z.looseObject({ id: z.string() })).default([]),
});

/**
 * Which of these issues the caller may see, from POST /rest/api/3/issue/bulkfetch (at most 100).
 * Jira includes an issue only where the caller may browse its project and, when the issue has a
 * security level, is in that level; the rest are simply absent
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-bulkfetch-post).
 * An issue left out for a retriable error (`issueErrors`) counts as not visible: never shown by mistake.
 */
export async function getViewableIssueIds(client: SiteClient, issueIds: string[]): Promise<string[]> {
  if (issueIds.length === 0) return [];
  if (issueIds.length > PAGE_LIMITS.issueBulkfetch) throw new RangeError(`bulkfetch takes at most ${PAGE_LIMITS.issueBulkfetch} issues`);
  const res = await client.request('POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: issueIds, fields: ['project'] });
  const body = await parseResponse(res, responseSchema, 'Jira issue bulk fetch');
  return body.issues.map((i) => i.id);
}
