import { activityId, type Activity } from '../../domain/activity';
import { STREAM } from '../../domain/stream-id';
import { bulkfetchIssues } from '../../sources/jira/bulkfetch-issues';
import { listWorklogs, WORKLOG_FEED_QUIET_MS, worklogFeedPage } from '../../sources/jira/worklog-feeds';
import { PAGE_LIMITS } from '../../sources/page-limits';
import type { JiraWorklog } from '../../sources/jira/schemas';
import { issueInfo, worklogActivity, type IssueInfo } from '../attribution/jira';
import { chunk, mapLimit, type Stream, type StreamEnv } from '../stream-env';
import { reconcileTieStep, type TieState } from './worklog-ties';

interface State {
  phase?: 'updated' | 'deleted';
  since?: number;
  /** A whole feed page shared one `updatedTime`: its worklogs are being found per issue. */
  tie?: TieState;
}

/**
 * Issue details for worklogs whose issue the issues stream has not seen in this invocation
 * (it may have finished its pass in an earlier one). `security` too, so a worklog records its
 * issue's restriction whichever stream read the issue first.
 */
async function issueInfos(env: StreamEnv, issueIds: string[]): Promise<Map<string, IssueInfo>> {
  const missing = [...new Set(issueIds)].filter((id) => !env.cache.issues.has(id));
  const fetched = await mapLimit(chunk(missing, PAGE_LIMITS.issueBulkfetch), 4, (c) =>
    bulkfetchIssues(env.jira!, c, ['summary', 'project', 'created', 'security']),
  );
  for (const issue of fetched.flat()) env.cache.issues.set(issue.id, issueInfo(issue));
  return env.cache.issues;
}

/**
 * Stores the activities of these worklogs; `ids` (worklogs listed as changed) that yield none
 * (author unmapped, moved out of the window, no longer readable) must not stay stored from an
 * earlier run.
 */
async function writeWorklogs(env: StreamEnv, worklogs: JiraWorklog[], ids: string[]): Promise<number> {
  const relevant = worklogs.filter((w) => w.author?.accountId && env.ctx.teammates.has(w.author.accountId));
  const infos = await issueInfos(env, relevant.map((w) => w.issueId));
  const upserts: Activity[] = [];
  for (const w of relevant) {
    const info = infos.get(w.issueId);
    const a = info && worklogActivity(env.ctx, info, w);
    if (a) upserts.push(a);
  }
  const produced = new Set(upserts.map((a) => a.id));
  const stale = ids.map((id) => activityId.worklog(env.dataSourceId, id)).filter((id) => !produced.has(id));
  await env.writer.apply(upserts, stale);
  return upserts.length;
}

/**
 * Worklogs through Jira's own incremental feed: worklog/updated gives ids changed since a time
 * (1000 a page), worklog/list hydrates them, worklog/deleted removes what was deleted. A
 * worklog is attributed to its author at its `started` time.
 */
export const jiraWorklogsStream: Stream = {
  id: STREAM.jiraWorklogs,
  product: 'jira',
  async step(env, pass) {
    const jira = env.jira!;
    const state = pass.state as State;
    state.phase ??= 'updated';
    state.since ??= Math.floor(pass.querySinceMs);

    if (state.phase === 'deleted') {
      const page = await worklogFeedPage(jira, 'deleted', state.since);
      await env.writer.apply([], page.ids.map((id) => activityId.worklog(env.dataSourceId, id)));
      const stuck = page.until <= state.since;
      state.since = page.until;
      return { done: page.lastPage || stuck, activities: 0 };
    }

    // The feed hides the last minute: the watermark must not pass what it could show.
    pass.untilMs = Math.min(pass.untilMs, env.now() - WORKLOG_FEED_QUIET_MS);
    if (state.tie) {
      const step = await reconcileTieStep(env, state.tie);
      const activities = await writeWorklogs(env, step.worklogs, step.worklogs.map((w) => w.id));
      if (!step.done) return { done: false, activities };
      // Every worklog of that instant is read: the feed goes on just after it.
      state.since = state.tie.at + 1;
      delete state.tie;
      return { done: false, activities };
    }
    const page = await worklogFeedPage(jira, 'updated', state.since);
    const worklogs = (await mapLimit(chunk(page.ids, PAGE_LIMITS.worklogList), 2, (c) => listWorklogs(jira, c))).flat();
    const activities = await writeWorklogs(env, worklogs, page.ids);
    // A full page on one instant: the feed would answer it again; find the rest per issue.
    if (!page.lastPage && page.until <= state.since) {
      state.tie = { at: state.since };
      return { done: false, activities };
    }
    state.since = page.until;
    if (!page.lastPage) return { done: false, activities };
    if (!env.storeMayHaveData) return { done: true, activities };
    state.phase = 'deleted';
    state.since = Math.floor(pass.querySinceMs);
    return { done: false, activities };
  },
};
