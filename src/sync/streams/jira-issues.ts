import type { ActivityKind } from '../../domain/activity';
import { STREAM } from '../../domain/stream-id';
import { IssuesNotReturnedError } from '../../sources/errors';
import { bulkfetchIssuesPartial } from '../../sources/jira/bulkfetch-issues';
import { fetchAllChangelogs } from '../../sources/jira/bulkfetch-changelogs';
import { fetchAllIssueComments } from '../../sources/jira/get-issue-comments';
import { getStatusCategories } from '../../sources/jira/get-statuses';
import type { JiraIssue } from '../../sources/jira/schemas';
import { PAGE_LIMITS } from '../../sources/page-limits';
import type { StreamPass } from '../../store/cursor-repository';
import { recordedRestriction } from '../attribution/context';
import { commentActivities, issueActivities, issueInfo } from '../attribution/jira';
import { chunk, mapLimit, type Stream, type StreamEnv } from '../stream-env';
import { finishPage, noteRead, searchDone, searchPage, unchangedBefore, type SearchState } from './issue-search-position';

/** Kinds this stream owns on an issue (worklogs belong to the worklog stream). */
const KINDS: ReadonlySet<ActivityKind> = new Set(['jira.issue.created', 'jira.issue.updated', 'jira.issue.resolved', 'jira.comment']);

/** Issues hydrated per step: one changelog bulkfetch and ten issue bulkfetches. */
const ISSUES_PER_STEP = PAGE_LIMITS.changelogIssues;

/** Steps in a pass that try again issues Jira could not return, before the stream gives up for this run. */
const UNREAD_ATTEMPTS = 3;

interface State extends SearchState {
  /** Written by earlier versions (one query paged by token across invocations): that pass starts over. */
  token?: string;
  /** Issues bulkfetch listed in `issueErrors`: read again before the pass may finish. */
  unread?: string[];
  unreadAttempts?: number;
  statuses?: [string, string][];
}


/**
 * Runs `work` while `pending` is on its way; when either fails, waits for the other to end before
 * failing, so no request of the step is still open after it.
 */
async function settledFirst<T>(pending: unknown, work: () => Promise<T>): Promise<T> {
  const running = work();
  await Promise.allSettled([pending, running]);
  return running;
}

async function commentsOf(env: StreamEnv, issue: JiraIssue) {
  const page = issue.fields.comment;
  const inline = page?.comments ?? [];
  // Inline comments are capped; only an issue that overflows costs a call of its own.
  if (page && page.total !== undefined && page.total > inline.length) return fetchAllIssueComments(env.jira!, issue.id);
  return inline;
}

/**
 * Hydrates issues (bulkfetch, comments inline, changelog/bulkfetch) and makes their stored
 * activities inside the attribution window match: the one path both the poller and the live
 * event handlers take.
 */
export async function syncIssues(
  env: StreamEnv,
  ids: string[],
  /** Status categories; may still be on their way (they are first needed after the reads). */
  statusesLoading: ReadonlyMap<string, string> | Promise<ReadonlyMap<string, string>>,
): Promise<{ activities: number; unreadIds: string[]; read: { id: string; updatedMs: number }[] }> {
  const jira = env.jira!;
  const batches = await settledFirst(statusesLoading, () => mapLimit(chunk(ids, PAGE_LIMITS.issueBulkfetch), 4, (c) => bulkfetchIssuesPartial(jira, c)));
  const issues = batches.flatMap((b) => b.issues);
  const unreadIds = batches.flatMap((b) => b.unreadIds);
  const changelogs = issues.length ? await fetchAllChangelogs(jira, issues.map((i) => i.id)) : new Map();
  const comments = await mapLimit(issues, 4, (i) => commentsOf(env, i));
  const statuses = await statusesLoading;
  const entities = issues.map((issue, n) => {
    const info = issueInfo(issue);
    env.cache.issues.set(issue.id, info);
    const computed = [
      ...issueActivities(env.ctx, issue, changelogs.get(issue.id) ?? [], statuses),
      ...comments[n].flatMap((c) => commentActivities(env.ctx, info, c)),
    ];
    const current = {
      container: { type: 'project' as const, ...info.project },
      entity: { type: 'issue' as const, id: info.id, key: info.key, title: info.summary },
      restricted: recordedRestriction(env.ctx, info.restricted),
    };
    return { entityKey: info.key, computed, current };
  });
  await env.writer.reconcileEntities(env.dataSourceId, entities, KINDS, env.ctx.window);
  const read = issues.map((i) => ({ id: i.id, updatedMs: Date.parse(i.fields.updated ?? '') })).filter((r) => Number.isFinite(r.updatedMs));
  return { activities: entities.reduce((a, e) => a + e.computed.length, 0), unreadIds, read };
}

/**
 * Issues changed in the window: ids from search/jql (5000 a page, each page a fresh query from
 * the search position: issue-search-position.ts), details from bulkfetch (comments inline),
 * every history from changelog/bulkfetch. Each issue's activities are reconciled as a whole, so
 * a deleted comment's activities go away with the next change.
 */
export const jiraIssuesStream: Stream = {
  id: STREAM.jiraIssues,
  product: 'jira',
  async step(env, pass) {
    const jira = env.jira!;
    let state = pass.state as State;
    if (state.token !== undefined || (state.searched && state.position === undefined)) state = pass.state = {};
    if (!state.pending?.length && !state.unread?.length) {
      if (searchDone(state)) return { done: true, activities: 0 };
      await searchPage(env, pass, state);
      if (state.pending?.length) return { done: false, activities: 0 };
      return { done: finishPage(state), activities: 0 };
    }
    // The status categories (read once a pass) are fetched while the issues are.
    const statuses = state.statuses
      ? new Map(state.statuses)
      : getStatusCategories(jira).then((m) => {
          state.statuses = [...m.entries()];
          return m;
        });
    // Issues Jira could not return last time go first, ahead of the rest of the page.
    const retrying = state.unread ?? [];
    const ids = [...retrying, ...(state.pending ?? []).slice(0, Math.max(0, ISSUES_PER_STEP - retrying.length))];
    const { activities, unreadIds, read } = await syncIssues(env, ids, statuses);
    noteRead(state, read, unchangedBefore(pass, state));
    state.pending = (state.pending ?? []).slice(ids.length - retrying.length);
    state.unreadAttempts = unreadIds.length ? (retrying.length ? (state.unreadAttempts ?? 0) + 1 : 1) : 0;
    state.unread = unreadIds;
    if (state.pending.length) return { done: false, activities };
    // Never finish (and so never move the watermark) past an issue not read: after a few tries,
    // the stream stops here and the next run continues this pass, these issues first.
    if (unreadIds.length && state.unreadAttempts >= UNREAD_ATTEMPTS) throw new IssuesNotReturnedError(unreadIds);
    if (unreadIds.length) return { done: false, activities };
    return { done: finishPage(state), activities };
  },
};
