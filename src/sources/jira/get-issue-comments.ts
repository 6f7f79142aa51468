import { PAGE_LIMITS } from '../page-limits';
import { parseResponse } from '../parse-response';
import { segment, withQuery, type SiteClient } from '../site-client';
import { pageOfCommentsSchema, type JiraComment } from './schemas';

/**
 * GET /rest/api/3/issue/{id}/comment, oldest first: used only when the comments inlined in
 * bulkfetch were cut short (fewer than `total`).
 */
export async function fetchAllIssueComments(client: SiteClient, issueId: string): Promise<JiraComment[]> {
  const out: JiraComment[] = [];
  for (;;) {
    const path = withQuery(`/rest/api/3/issue/${segment(issueId)}/comment`, {
      startAt: out.length,
      maxResults: PAGE_LIMITS.issueComments,
      orderBy: '+created',
    });
    const page = await parseResponse(await client.request('GET', path), pageOfCommentsSchema, 'Jira issue comments');
    out.push(...page.comments);
    if (page.comments.length === 0 || page.total === undefined || out.length >= page.total) return out;
  }
}
