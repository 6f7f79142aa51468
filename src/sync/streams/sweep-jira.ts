import type { Activity } from '../../domain/activity';
import { deletionVerdict } from '../../domain/deletion-evidence';
import { bulkfetchIssues } from '../../sources/jira/bulkfetch-issues';
import { canBrowseProject } from '../../sources/jira/can-browse-project';
import { isIssueListedInProject } from '../../sources/jira/find-issue-in-project';
import { fetchAllIssueComments } from '../../sources/jira/get-issue-comments';
import type { JiraIssue } from '../../sources/jira/schemas';
import { PAGE_LIMITS } from '../../sources/page-limits';
import type { SiteClient } from '../../sources/site-client';
import { chunk, mapLimit, type StreamEnv } from '../stream-env';
import { entityActivityIds, lostContainer, memo, type SweepFindings } from './sweep-findings';

interface StoredIssue {
  id: string;
  key: string;
  project: Activity['container'];
  /** Stored comment activity ids by comment id. */
  comments: Map<string, string[]>;
}

function storedIssues(acts: Activity[]): Map<string, StoredIssue> {
  const issues = new Map<string, StoredIssue>();
  for (const a of acts) {
    if (a.source !== 'jira') continue;
    const issue = issues.get(a.entity.id) ?? { id: a.entity.id, key: a.entity.key, project: a.container, comments: new Map<string, string[]>() };
    if (a.kind === 'jira.comment' && a.details.commentId) issue.comments.set(a.details.commentId, [...(issue.comments.get(a.details.commentId) ?? []), a.id]);
    issues.set(a.entity.id, issue);
  }
  return issues;
}

/** The issue was read: its stored comments that its full comment list no longer holds go. */
async function missingComments(jira: SiteClient, stored: StoredIssue, live: JiraIssue): Promise<string[]> {
  if (!stored.comments.size) return [];
  const page = live.fields.comment;
  const comments = page && page.total !== undefined && page.total > page.comments.length ? await fetchAllIssueComments(jira, live.id) : (page?.comments ?? []);
  const liveIds = new Set(comments.map((c) => c.id));
  const out: string[] = [];
  for (const [commentId, ids] of stored.comments) {
    if (!liveIds.has(commentId) && deletionVerdict({ seen: 'missing', containerReadable: true, listedInContainer: false }) === 'delete') out.push(...ids);
  }
  return out;
}

/**
 * Checks the stored issues and comments of one slice: issues in bulk (100 a call); an issue the
 * bulk call leaves out is deleted only when its project is still browsable and a search there
 * does not list it either; otherwise access to the project was lost and its activity stays.
 */
export async function sweepJiraSlice(env: StreamEnv, acts: Activity[], found: SweepFindings): Promise<void> {
  const issues = storedIssues(acts);
  const jira = env.jira;
  if (!jira || !issues.size) return;
  const fetched = (await mapLimit(chunk([...issues.keys()], PAGE_LIMITS.issueBulkfetch), 4, (c) => bulkfetchIssues(jira, c, ['comment', 'summary', 'project', 'created']))).flat();
  const byId = new Map(fetched.map((i) => [i.id, i]));
  const browsable = new Map<string, Promise<boolean>>();
  for (const issue of issues.values()) {
    const live = byId.get(issue.id);
    if (live) {
      found.deletes.push(...(await missingComments(jira, issue, live)));
      continue;
    }
    const containerReadable = await memo(browsable, issue.project.id, () => canBrowseProject(jira, issue.project.id));
    const listedInContainer = containerReadable ? await isIssueListedInProject(jira, issue.project.id, issue.id) : undefined;
    const verdict = deletionVerdict({ seen: 'missing', containerReadable, listedInContainer });
    if (verdict === 'delete') found.deletes.push(...(await entityActivityIds(env, issue.key, 'jira')));
    else if (verdict === 'access-lost') found.lost.push(lostContainer(issue.project));
  }
}
