import type { ContentComment, FixtureComment, FixtureContent, FixtureIssue, FixtureWorklog } from '../fixture-schema';
import type { SiteState } from '../site-state';
import { formatJira, toMs } from '../time';

/**
 * Forge product event payloads, shaped after the Forge events reference: Jira events carry
 * `issue {id, key, fields}` (users reduced to `{accountId}`) and `atlassianId`, the acting user;
 * Confluence events carry `content` in the v1 Content shape.
 */
export type ProductEvent = { eventType: string } & Record<string, unknown>;

const jiraTime = (iso: string): string => formatJira(toMs(iso), 'UTC');
const who = (accountId: string | null): { accountId: string } | null => (accountId ? { accountId } : null);

export function issuePayload(state: SiteState, issue: FixtureIssue): Record<string, unknown> {
  const project = state.projectsById.get(issue.projectId);
  const status = state.statusesById.get(issue.statusId);
  return {
    id: issue.id,
    key: issue.key,
    fields: {
      summary: issue.summary,
      issuetype: { name: issue.issueTypeName },
      creator: who(issue.creatorId),
      created: jiraTime(issue.created),
      project: project ? { id: project.id, key: project.key, name: project.name } : null,
      reporter: who(issue.reporterId),
      assignee: who(issue.assigneeId),
      updated: jiraTime(issue.updated),
      status: status ? { id: status.id, name: status.name, statusCategory: { key: status.categoryKey } } : null,
    },
  };
}

export function jiraEvent(state: SiteState, eventType: string, issue: FixtureIssue, actorId: string | null, extra: Record<string, unknown> = {}): ProductEvent {
  return {
    eventType,
    issue: issuePayload(state, issue),
    ...(actorId ? { atlassianId: actorId, associatedUsers: [{ accountId: actorId }] } : {}),
    ...extra,
  };
}

export function commentPayload(c: FixtureComment): Record<string, unknown> {
  return {
    id: c.id,
    author: { accountId: c.authorId },
    updateAuthor: { accountId: c.updateAuthorId },
    body: c.body,
    created: jiraTime(c.created),
    updated: jiraTime(c.updated),
    jsdPublic: true,
  };
}

export function worklogPayload(issue: FixtureIssue, w: FixtureWorklog): Record<string, unknown> {
  return {
    id: w.id,
    issueId: issue.id,
    author: { accountId: w.authorId },
    updateAuthor: { accountId: w.updateAuthorId },
    started: jiraTime(w.started),
    timeSpentSeconds: w.timeSpentSeconds,
    created: jiraTime(w.created),
    updated: jiraTime(w.updated),
  };
}

function spaceOf(state: SiteState, c: FixtureContent): Record<string, unknown> {
  const s = state.spacesById.get(c.spaceId);
  return { id: Number(c.spaceId), key: s?.key ?? '', name: s?.name ?? '' };
}

export function contentPayload(state: SiteState, c: FixtureContent): Record<string, unknown> {
  const v = c.versions[c.versions.length - 1];
  return {
    id: c.id,
    type: c.type,
    status: c.status,
    title: c.title,
    space: spaceOf(state, c),
    history: { latest: true, createdBy: { accountId: c.authorId }, createdDate: new Date(toMs(c.createdAt)).toISOString() },
    version: { by: { accountId: v.authorId }, when: new Date(toMs(v.createdAt)).toISOString(), number: v.number, minorEdit: v.minorEdit },
  };
}

export function contentCommentPayload(state: SiteState, c: FixtureContent, cm: ContentComment): Record<string, unknown> {
  const first = cm.versions[0];
  const last = cm.versions[cm.versions.length - 1];
  return {
    id: cm.id,
    type: 'comment',
    status: cm.status,
    title: `Re: ${c.title}`,
    space: spaceOf(state, c),
    container: { id: c.id, type: c.type, title: c.title },
    ...(cm.parentCommentId ? { ancestors: [{ id: cm.parentCommentId, type: 'comment' }] } : {}),
    extensions: { location: cm.location },
    history: { latest: true, createdBy: { accountId: first.authorId }, createdDate: new Date(toMs(first.createdAt)).toISOString() },
    version: { by: { accountId: last.authorId }, when: new Date(toMs(last.createdAt)).toISOString(), number: last.number, minorEdit: false },
  };
}
