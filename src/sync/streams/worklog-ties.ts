import { bulkfetchIssues } from '../../sources/jira/bulkfetch-issues';
import { fetchAllIssueWorklogs, pageOfWorklogsSchema } from '../../sources/jira/get-issue-worklogs';
import type { JiraIssue, JiraWorklog } from '../../sources/jira/schemas';
import { PAGE_LIMITS } from '../../sources/page-limits';
import { issueInfo } from '../attribution/jira';
import { chunk, mapLimit, type StreamEnv } from '../stream-env';
import { finishPage, noteRead, searchDone, searchPage, unchangedBefore, type SearchState } from './issue-search-position';

/**
 * More than a page of worklogs changed at the same instant (a bulk import). The feed pages by
 * `since` only, inclusive, 1000 a page, `nextPage` = `since=<until>` (the Jira OpenAPI document's
 * example for GET /rest/api/3/worklog/updated; no other parameter is documented), so from that
 * instant it answers the same 1000 again and the rest cannot be reached through it.
 *
 * They are found per issue instead: every issue whose `updated` is at or after that instant (an
 * issue's `updated` moves with each change to its worklogs), searched by position like the issues
 * stream so that none is skipped, read with bulkfetch (worklogs inline, the full list per issue
 * only when the inline list was cut short), keeping the worklogs updated at exactly that instant.
 * The feed then continues just after it.
 */
export interface TieState extends SearchState {
  /** The feed's `updatedTime` (epoch ms) a whole page shared. */
  at: number;
}

const ISSUES_PER_STEP = 4 * PAGE_LIMITS.issueBulkfetch;
const FIELDS = ['summary', 'project', 'created', 'updated', 'worklog', 'security'] as const;

async function worklogsOf(env: StreamEnv, issue: JiraIssue): Promise<JiraWorklog[]> {
  const inline = pageOfWorklogsSchema.safeParse(issue.fields.worklog);
  const page = inline.success ? inline.data : undefined;
  if (page && page.total !== undefined && page.total <= page.worklogs.length) return page.worklogs;
  return fetchAllIssueWorklogs(env.jira!, issue.id);
}

/** One step of the reconciliation: a search page, or up to 400 issues read. */
export async function reconcileTieStep(env: StreamEnv, tie: TieState): Promise<{ done: boolean; worklogs: JiraWorklog[] }> {
  const pass = { querySinceMs: tie.at, untilMs: tie.at, openEnded: true };
  if (!tie.pending?.length) {
    if (searchDone(tie)) return { done: true, worklogs: [] };
    await searchPage(env, pass, tie);
    if (tie.pending?.length) return { done: false, worklogs: [] };
    return { done: finishPage(tie), worklogs: [] };
  }
  const ids = tie.pending.slice(0, ISSUES_PER_STEP);
  const issues = (await mapLimit(chunk(ids, PAGE_LIMITS.issueBulkfetch), 4, (c) => bulkfetchIssues(env.jira!, c, FIELDS))).flat();
  const lists = await mapLimit(issues, 4, (issue) => worklogsOf(env, issue));
  const worklogs = lists.flat().filter((w) => Date.parse(w.updated ?? '') === tie.at);
  for (const issue of issues) env.cache.issues.set(issue.id, issueInfo(issue));
  noteRead(tie, issues.map((i) => ({ id: i.id, updatedMs: Date.parse(i.fields.updated ?? '') })), unchangedBefore(pass, tie));
  tie.pending = tie.pending.slice(ids.length);
  return { done: tie.pending.length === 0 && finishPage(tie), worklogs };
}
