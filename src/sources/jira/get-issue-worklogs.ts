import { z } from 'zod';
import { parseResponse } from '../parse-response';
import { segment, withQuery, type SiteClient } from '../site-client';
import { worklogSchema, type JiraWorklog } from './schemas';

/** PageOfWorklogs, as inlined in an issue's `worklog` field and answered per issue. */
export const pageOfWorklogsSchema = z.looseObject({
  worklogs: z.array(worklogSchema).default([]),
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
  total: z.number().optional(),
});

/** GET /rest/api/3/issue/{id}/worklog: "max 5000" a page (the documented default), by offset. */
const PAGE = 5000;

/**
 * Every worklog of one issue. Used only to reconcile a worklog feed page that lies wholly on one
 * timestamp (the feed cannot page past it), for issues whose inlined worklogs were cut short.
 */
export async function fetchAllIssueWorklogs(client: SiteClient, issueId: string): Promise<JiraWorklog[]> {
  const out: JiraWorklog[] = [];
  for (;;) {
    const path = withQuery(`/rest/api/3/issue/${segment(issueId)}/worklog`, { startAt: out.length, maxResults: PAGE });
    const page = await parseResponse(await client.request('GET', path), pageOfWorklogsSchema, 'Jira issue worklogs');
    out.push(...page.worklogs);
    if (page.worklogs.length === 0 || page.total === undefined || out.length >= page.total) return out;
  }
}
