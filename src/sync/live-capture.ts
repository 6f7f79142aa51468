import { z } from 'zod';
import { activityId } from '../domain/activity';
import { HOST_DATA_SOURCE_ID } from '../domain/config';
import { lastDays, type TimeWindow } from '../domain/time-window';
import { getCreationByIds } from '../sources/confluence/cql-search';
import { IssuesNotReturnedError } from '../sources/errors';
import { bulkfetchIssues } from '../sources/jira/bulkfetch-issues';
import { getStatusCategories } from '../sources/jira/get-statuses';
import { listWorklogs } from '../sources/jira/worklog-feeds';
import { createRequestMeter } from '../sources/request-meter';
import type { SiteClient } from '../sources/site-client';
import { ActivityWriter } from './activity-writer';
import { confluenceCommentActivity, type ContentInfo } from './attribution/confluence';
import { issueInfo, worklogActivity } from './attribution/jira';
import { invocationClients } from './invocation-clients';
import { createStepTimer } from './step-timer';
import { buildStreamEnv, createRunCache, type StreamEnv } from './stream-env';
import { contentInfos } from './streams/confluence-shared';
import { syncContents } from './streams/confluence-content';
import { syncIssues } from './streams/jira-issues';
import type { SyncDeps } from './sync-deps';
import { teammateAccounts } from './teammate-map';

const ref = z.looseObject({ id: z.union([z.string(), z.number()]).transform(String) });
const jiraEventSchema = z.looseObject({
  eventType: z.string(),
  issue: ref.extend({ key: z.string().optional() }).optional(),
  comment: ref.optional(),
  worklog: ref.extend({ issueId: z.union([z.string(), z.number()]).transform(String).optional() }).optional(),
});
/**
 * Comment events carry the comment's creator and creation time in `content.history`
 * (https://developer.atlassian.com/platform/forge/events-reference/confluence/, "Comments").
 */
const historySchema = z.looseObject({
  createdBy: z.looseObject({ accountId: z.string().optional() }).optional(),
  createdDate: z.string().optional(),
});
const confluenceEventSchema = z.looseObject({
  eventType: z.string(),
  content: ref
    .extend({ type: z.string().optional(), container: ref.extend({ type: z.string().optional() }).optional(), history: historySchema.optional() })
    .optional(),
});

/** The comment's first version as the event tells it, when it does. */
function creationFromPayload(history: z.infer<typeof historySchema> | undefined): { authorId: string; createdAt: string } | undefined {
  const authorId = history?.createdBy?.accountId;
  const createdAt = history?.createdDate;
  return authorId && createdAt && !Number.isNaN(Date.parse(createdAt)) ? { authorId, createdAt } : undefined;
}

export type LiveOutcome = 'stored' | 'ignored';

/** Status categories change rarely; an event burst should not ask for them every time. */
let statusMemo: { at: number; map: Map<string, string> } | undefined;

/**
 * Live capture from product events on the host site. Every change is hydrated through the same
 * clients and attribution as the poller and written under the same activity ids, so an event
 * and a later poll of the same change never count twice. Polling still runs: it covers events
 * Forge drops, comment edits (Jira has no such event) and deletions needing a write scope.
 */
export function createLiveCapture(deps: SyncDeps) {
  async function withEnv(fn: (env: StreamEnv) => Promise<void>): Promise<LiveOutcome> {
    const ds = await deps.config.getDataSource(HOST_DATA_SOURCE_ID);
    if (!ds?.enabled) return 'ignored';
    const teammates = teammateAccounts(await deps.config.getTeammates(), ds.id);
    if (teammates.size === 0) return 'ignored';
    const settings = await deps.config.getSettings();
    // The sync's deadline rules: a wait must fit in what is left, and no request starts once the
    // time left is under the margin (or twice the slowest request): the handler then stops with
    // OutOfTimeError and the event is handed on, instead of being cut off by the platform.
    const timer = createStepTimer(deps.remainingMs, deps.limits.safetyMs);
    const clients = invocationClients(deps, ds, createRequestMeter(), { maxLimited: 5, maxWaitMs: 10_000, remainingShare: 0.85, timer });
    // An event's change happened just now; the margin covers a site clock a little ahead of ours.
    const now = deps.now();
    const window: TimeWindow = { sinceMs: lastDays(now, settings.historyDays).sinceMs, untilMs: now + 5 * 60_000 };
    const writer = new ActivityWriter(deps.activities, deps.rollups, true);
    const env = buildStreamEnv({ ds, clients, teammates, window, writer, cache: createRunCache(), storeMayHaveData: true, deps });
    try {
      await fn(env);
    } finally {
      await writer.finish();
    }
    return 'stored';
  }

  async function statuses(jira: SiteClient): Promise<Map<string, string>> {
    if (!statusMemo || deps.now() - statusMemo.at > 10 * 60_000) statusMemo = { at: deps.now(), map: await getStatusCategories(jira) };
    return statusMemo.map;
  }

  return {
    async handleJiraEvent(input: unknown): Promise<LiveOutcome> {
      const e = jiraEventSchema.safeParse(input);
      if (!e.success) return 'ignored';
      const { eventType, issue, worklog } = e.data;
      return withEnv(async (env) => {
        const jira = env.jira!;
        if (eventType === 'avi:jira:deleted:issue' && issue?.key) {
          const stored = await deps.activities.listByEntity(env.dataSourceId, issue.key);
          await env.writer.apply([], stored.filter((a) => a.source === 'jira').map((a) => a.id));
        } else if (worklog && eventType === 'avi:jira:deleted:worklog') {
          await env.writer.apply([], [activityId.worklog(env.dataSourceId, worklog.id)]);
        } else if (worklog) {
          const [w] = await listWorklogs(jira, [worklog.id]);
          const [found] = w ? await bulkfetchIssues(jira, [w.issueId], ['summary', 'project', 'created']) : [];
          // A worklog or issue not returned now may be deleted or hidden from the app: no evidence,
          // so nothing is deleted (the deleted event, the deleted-worklog feed and the sweep decide).
          // Read, but not a teammate's: its activity goes.
          if (!w || !found) return;
          const a = worklogActivity(env.ctx, issueInfo(found), w);
          await env.writer.apply(a ? [a] : [], a ? [] : [activityId.worklog(env.dataSourceId, worklog.id)]);
        } else if (issue) {
          const { unreadIds } = await syncIssues(env, [issue.id], await statuses(jira));
          if (unreadIds.length) throw new IssuesNotReturnedError(unreadIds);
        }
      });
    },

    async handleConfluenceEvent(input: unknown): Promise<LiveOutcome> {
      const e = confluenceEventSchema.safeParse(input);
      if (!e.success || !e.data.content) return 'ignored';
      const { eventType, content } = e.data;
      return withEnv(async (env) => {
        if (!env.confluence) return;
        const type = eventType.split(':').pop();
        if (type === 'page' || type === 'blogpost') {
          await syncContents(env, [{ id: content.id, type }]);
        } else if (type === 'comment' && eventType === 'avi:confluence:deleted:comment') {
          await env.writer.apply([], [activityId.confluenceComment(env.dataSourceId, content.id)]);
        } else if (type === 'comment' && content.container) {
          const parentType = content.container.type === 'blogpost' ? 'blogpost' : 'page';
          // The creator comes from the event; CQL only for an event without it. CQL's index lags
          // behind new comments, so a miss there says nothing about the comment.
          const first = creationFromPayload(content.history) ?? (await getCreationByIds(env.confluence, [content.id])).get(content.id);
          const parents = await contentInfos(env, [{ id: content.container.id, type: parentType }]);
          const parent: ContentInfo | undefined = parents.get(content.container.id);
          const a = first && parent && confluenceCommentActivity(env.ctx, parent, content.id, { number: 1, authorId: first.authorId, createdAt: first.createdAt });
          // Never a deletion here: a comment's creator does not change, and a creator or parent
          // not found now is no evidence the comment is gone (the deleted event and the sweep say that).
          if (a) await env.writer.apply([a]);
        }
      });
    },
  };
}

export type LiveCapture = ReturnType<typeof createLiveCapture>;
