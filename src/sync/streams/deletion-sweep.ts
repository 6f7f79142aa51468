import { activityId, type Activity } from '../../domain/activity';
import { STREAM } from '../../domain/stream-id';
import { getContentByIds } from '../../sources/confluence/content';
import { getCreationByIds } from '../../sources/confluence/cql-search';
import { ForbiddenError } from '../../sources/errors';
import { bulkfetchIssues } from '../../sources/jira/bulkfetch-issues';
import { fetchAllIssueComments } from '../../sources/jira/get-issue-comments';
import type { JiraIssue } from '../../sources/jira/schemas';
import { PAGE_LIMITS } from '../../sources/page-limits';
import { probeConfluenceComment, probeContent, probeIssue, type Existence } from '../../sources/probe-existence';
import type { ActivityRepository } from '../../store/activity-repository';
import { chunk, mapLimit, type Stream, type StreamEnv } from '../stream-env';

/** What is stored per entity, as the sweep's to-do list (kept in the cursor between pages). */
interface State {
  loaded?: boolean;
  /** [issueId, issue key, ids of stored comment activities by comment id] */
  issues?: [string, string, Record<string, string[]>][];
  contents?: [string, 'page' | 'blogpost'][];
  comments?: string[];
  noAccess?: number;
}

const ISSUES_PER_STEP = 1000;

export async function loadSweepState(activities: ActivityRepository, dataSourceId: string, state: State): Promise<void> {
  const stored = await activities.listBySource(dataSourceId);
  const issues = new Map<string, Record<string, string[]>>();
  const keys = new Map<string, string>();
  const contents = new Map<string, 'page' | 'blogpost'>();
  const comments = new Set<string>();
  for (const a of stored) {
    if (a.source === 'jira') {
      const byComment = issues.get(a.entity.id) ?? {};
      if (a.kind === 'jira.comment' && a.details.commentId) (byComment[a.details.commentId] ??= []).push(a.id);
      issues.set(a.entity.id, byComment);
      keys.set(a.entity.id, a.entity.key);
    } else {
      if (a.entity.type !== 'issue') contents.set(a.entity.id, a.entity.type);
      if (a.kind === 'confluence.comment' && a.details.commentId) comments.add(a.details.commentId);
    }
  }
  state.issues = [...issues.entries()].map(([id, c]) => [id, keys.get(id) ?? id, c]);
  state.contents = [...contents.entries()];
  state.comments = [...comments];
  state.loaded = true;
}

async function entityActivityIds(env: StreamEnv, activities: ActivityRepository, entityKey: string, source: 'jira' | 'confluence'): Promise<string[]> {
  const all = await activities.listByEntity(env.dataSourceId, entityKey);
  return all.filter((a: Activity) => a.source === source).map((a) => a.id);
}

function count(state: State, e: Existence): void {
  if (e === 'no-access') state.noAccess = (state.noAccess ?? 0) + 1;
}

/**
 * Finds what was deleted on the site but not announced (Confluence trash/delete events need a
 * write scope; Jira deletions may happen while events are lost): every stored issue, page and
 * comment is checked in bulk; whatever a bulk call leaves out is probed one by one to tell
 * "deleted" (404: its activities go) from "no longer visible" (401/403: data kept, reported).
 */
export const deletionSweepStream: Stream = {
  id: STREAM.sweep,
  product: 'jira',
  async step(env, pass) {
    return { done: await sweepStep(env, env.activities, pass), activities: 0 };
  },
};

async function sweepStep(env: StreamEnv, activities: ActivityRepository, pass: { state: Record<string, unknown> }): Promise<boolean> {
  const state = pass.state as State;
  if (!state.loaded) {
    await loadSweepState(activities, env.dataSourceId, state);
    return false;
  }
  const dels: string[] = [];
  if (env.jira && state.issues?.length) {
    const batch = state.issues.slice(0, ISSUES_PER_STEP);
    const found = (await mapLimit(chunk(batch.map(([id]) => id), PAGE_LIMITS.issueBulkfetch), 4, (c) => bulkfetchIssues(env.jira!, c, ['comment', 'summary', 'project', 'created']))).flat();
    const byId = new Map<string, JiraIssue>(found.map((i) => [i.id, i]));
    for (const [issueId, issueKey, storedComments] of batch) {
      const issue = byId.get(issueId);
      if (!issue) {
        const e = await probeIssue(env.jira, issueId);
        count(state, e);
        if (e === 'gone') dels.push(...(await entityActivityIds(env, activities, issueKey, 'jira')));
        continue;
      }
      const page = issue.fields.comment;
      const live = page && page.total !== undefined && page.total > page.comments.length ? await fetchAllIssueComments(env.jira, issueId) : (page?.comments ?? []);
      const liveIds = new Set(live.map((c) => c.id));
      for (const [commentId, ids] of Object.entries(storedComments)) if (!liveIds.has(commentId)) dels.push(...ids);
    }
    state.issues = state.issues.slice(batch.length);
  } else if (env.confluence && state.contents?.length) {
    const batch = state.contents.slice(0, PAGE_LIMITS.confluenceV2);
    for (const type of ['page', 'blogpost'] as const) {
      const ids = batch.filter(([, t]) => t === type).map(([id]) => id);
      if (!ids.length) continue;
      const current = new Set((await getContentByIds(env.confluence, type, ids)).map((c) => c.id));
      for (const id of ids.filter((x) => !current.has(x))) {
        const e = await probeContent(env.confluence, type, id);
        count(state, e);
        if (e === 'gone') dels.push(...(await entityActivityIds(env, activities, id, 'confluence')));
      }
    }
    state.contents = state.contents.slice(batch.length);
  } else if (env.confluence && state.comments?.length) {
    const batch = state.comments.slice(0, PAGE_LIMITS.cql);
    const present = await getCreationByIds(env.confluence, batch);
    for (const id of batch.filter((x) => !present.has(x))) {
      const e = await probeConfluenceComment(env.confluence, id);
      count(state, e);
      if (e === 'gone') dels.push(activityId.confluenceComment(env.dataSourceId, id));
    }
    state.comments = state.comments.slice(batch.length);
  } else {
    if (state.noAccess) throw new ForbiddenError(`The account can no longer see ${state.noAccess} issues, pages or comments; their activity is kept`);
    return true;
  }
  await env.writer.apply([], dels);
  return false;
}
