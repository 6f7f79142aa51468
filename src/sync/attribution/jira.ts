import { activityId, type Activity, type Container, type ActivityEntity, type ItemRestriction } from '../../domain/activity';
import type { JiraChangelog, JiraComment, JiraIssue, JiraWorklog } from '../../sources/jira/schemas';
import { creditFor, recordedRestriction, type AttributionContext } from './context';
import { isoUtc } from './time';

/** The parts of an issue every Jira activity carries. */
export interface IssueInfo {
  id: string;
  key: string;
  summary: string;
  project: { id: string; key: string; name: string };
  /** From the `security` field: a level = restricted; a field Jira did not return = unknown. */
  restricted: ItemRestriction;
}

export function issueInfo(issue: JiraIssue): IssueInfo {
  const p = issue.fields.project;
  const security = issue.fields.security;
  const restricted: ItemRestriction = security === undefined ? 'unknown' : security !== null;
  return { id: issue.id, key: issue.key, summary: issue.fields.summary, project: { id: p.id, key: p.key, name: p.name }, restricted };
}

function base(ctx: AttributionContext, info: IssueInfo) {
  const container: Container = { type: 'project', ...info.project };
  const entity: ActivityEntity = { type: 'issue', id: info.id, key: info.key, title: info.summary };
  return { source: 'jira' as const, dataSourceId: ctx.dataSourceId, container, entity, restricted: recordedRestriction(ctx, info.restricted) };
}

function make(
  ctx: AttributionContext,
  info: IssueInfo,
  a: Pick<Activity, 'id' | 'kind' | 'details'> & { actor?: string | null; at: string; url?: string },
): Activity | undefined {
  const credit = creditFor(ctx, a.actor, a.at);
  if (!credit) return undefined;
  return {
    ...base(ctx, info),
    id: a.id,
    kind: a.kind,
    ...credit,
    url: a.url ?? `${ctx.siteUrl}/browse/${info.key}`,
    details: a.details,
  };
}

const nonEmpty = (v: string | null | undefined) => v !== null && v !== undefined && v !== '';

/** True when the history resolves the issue: resolution set, or status moved into "done". */
export function isResolving(h: JiraChangelog, statusCategory: ReadonlyMap<string, string>): boolean {
  return h.items.some((it) => {
    const field = it.fieldId ?? it.field;
    if (field === 'resolution') return nonEmpty(it.to) || nonEmpty(it.toString);
    if (field === 'status') {
      const to = it.to ? statusCategory.get(it.to) : undefined;
      const from = it.from ? statusCategory.get(it.from) : undefined;
      return to === 'done' && from !== 'done';
    }
    return false;
  });
}

/** issue created + one updated per authored history + resolved where a history resolves it. */
export function issueActivities(
  ctx: AttributionContext,
  issue: JiraIssue,
  histories: JiraChangelog[],
  statusCategory: ReadonlyMap<string, string>,
): Activity[] {
  const info = issueInfo(issue);
  const ds = ctx.dataSourceId;
  const out: (Activity | undefined)[] = [
    make(ctx, info, {
      id: activityId.issueCreated(ds, info.id),
      kind: 'jira.issue.created',
      actor: issue.fields.creator?.accountId,
      at: issue.fields.created,
      details: {},
    }),
  ];
  for (const h of histories) {
    const actor = h.author?.accountId;
    if (!actor) continue;
    const fields = [...new Set(h.items.map((it) => it.fieldId ?? it.field ?? '').filter(Boolean))];
    out.push(
      make(ctx, info, {
        id: activityId.issueUpdated(ds, info.id, h.id),
        kind: 'jira.issue.updated',
        actor,
        at: h.created,
        details: { fields, changeId: h.id },
      }),
    );
    if (isResolving(h, statusCategory)) {
      out.push(
        make(ctx, info, {
          id: activityId.issueResolved(ds, info.id, h.id),
          kind: 'jira.issue.resolved',
          actor,
          at: h.created,
          details: { fields, changeId: h.id },
        }),
      );
    }
  }
  return out.filter((a): a is Activity => a !== undefined);
}

/** A comment's creation, and its latest edit when `updated` is after `created`. */
export function commentActivities(ctx: AttributionContext, info: IssueInfo, c: JiraComment): Activity[] {
  const url = `${ctx.siteUrl}/browse/${info.key}?focusedCommentId=${c.id}`;
  const ds = ctx.dataSourceId;
  const out = [
    make(ctx, info, {
      id: activityId.commentCreated(ds, c.id),
      kind: 'jira.comment',
      actor: c.author?.accountId,
      at: c.created,
      url,
      details: { action: 'created', commentId: c.id },
    }),
  ];
  if (c.updated && Date.parse(isoUtc(c.updated)) > Date.parse(isoUtc(c.created))) {
    out.push(
      make(ctx, info, {
        id: activityId.commentEdited(ds, c.id),
        kind: 'jira.comment',
        actor: c.updateAuthor?.accountId,
        at: c.updated,
        url,
        details: { action: 'edited', commentId: c.id },
      }),
    );
  }
  return out.filter((a): a is Activity => a !== undefined);
}

/** A worklog, by its author, at the time the work started. */
export function worklogActivity(ctx: AttributionContext, info: IssueInfo, w: JiraWorklog): Activity | undefined {
  return make(ctx, info, {
    id: activityId.worklog(ctx.dataSourceId, w.id),
    kind: 'jira.worklog',
    actor: w.author?.accountId,
    at: w.started,
    url: `${ctx.siteUrl}/browse/${info.key}?focusedWorklogId=${w.id}`,
    details: { seconds: w.timeSpentSeconds, worklogId: w.id },
  });
}
