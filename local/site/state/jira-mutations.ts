import type { AdfDoc, ChangelogItem, FixtureComment, FixtureIssue, FixtureWorklog } from '../fixture-schema';
import type { SiteState } from '../site-state';
import { commentPayload, jiraEvent, worklogPayload, type ProductEvent } from './events';

/**
 * Jira changes for incremental and live tests. Each bumps `updated` the way Jira does (comment
 * and worklog changes touch the issue too) and returns the Forge event the change would emit,
 * or null when Jira emits none (comment edits have no Forge event).
 */

export interface NewIssue {
  project: string;
  summary: string;
  creatorId: string;
  issueTypeName?: string;
  statusId?: string;
  reporterId?: string;
  assigneeId?: string | null;
  at?: string;
}

const adf = (text: string): AdfDoc => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

function at(state: SiteState, when?: string): string {
  return when ?? state.nowIso();
}

function liveIssue(state: SiteState, idOrKey: string): FixtureIssue {
  const issue = state.issue(idOrKey);
  if (!issue) throw new Error(`no live issue ${idOrKey} on site ${state.name}`);
  return issue;
}

function findComment(state: SiteState, commentId: string): [FixtureIssue, FixtureComment] {
  for (const issue of state.liveIssues()) {
    const c = issue.comments.find((x) => x.id === commentId && !x.deletedAt);
    if (c) return [issue, c];
  }
  throw new Error(`no live comment ${commentId} on site ${state.name}`);
}

function findWorklog(state: SiteState, worklogId: string): [FixtureIssue, FixtureWorklog] {
  for (const issue of state.liveIssues()) {
    const w = issue.worklogs.find((x) => x.id === worklogId && !x.deletedAt);
    if (w) return [issue, w];
  }
  throw new Error(`no live worklog ${worklogId} on site ${state.name}`);
}

/** Applies history items to the issue's own fields, as the change itself would. */
function applyItems(issue: FixtureIssue, items: ChangelogItem[], when: string): void {
  for (const i of items) {
    if (i.fieldId === 'summary') issue.summary = i.toString ?? '';
    if (i.fieldId === 'assignee') issue.assigneeId = i.to;
    if (i.fieldId === 'status' && i.to) issue.statusId = i.to;
    // Jira records a security level change in the changelog, the level's id in `to`.
    if (i.fieldId === 'security') {
      if (i.to) issue.securityLevelId = i.to;
      else delete issue.securityLevelId;
    }
    if (i.fieldId === 'resolution') {
      issue.resolution = i.toString;
      issue.resolutiondate = i.toString ? when : null;
    }
  }
}

export interface JiraMutations {
  createIssue(input: NewIssue): ProductEvent;
  editIssue(idOrKey: string, change: { authorId: string | null; items: ChangelogItem[]; at?: string }): ProductEvent;
  transitionIssue(idOrKey: string, change: { authorId: string | null; statusId: string; resolution?: string; at?: string }): ProductEvent;
  deleteIssue(idOrKey: string, actorId: string, when?: string): ProductEvent;
  addComment(idOrKey: string, c: { authorId: string; text?: string; body?: AdfDoc; at?: string }): ProductEvent;
  editComment(commentId: string, c: { authorId: string; text?: string; at?: string }): null;
  deleteComment(commentId: string, actorId: string, when?: string): ProductEvent;
  addWorklog(idOrKey: string, w: { authorId: string; started: string; timeSpentSeconds: number; at?: string }): ProductEvent;
  editWorklog(worklogId: string, w: { authorId: string; started?: string; timeSpentSeconds?: number; at?: string }): ProductEvent;
  deleteWorklog(worklogId: string, actorId: string, when?: string): ProductEvent;
  setProjectBrowseGroups(projectKey: string, groups: string[] | undefined): null;
  /** Replaces the user's group memberships (an admin adding or removing them from groups). */
  setUserGroups(accountId: string, groups: string[]): null;
  revokeToken(email: string): null;
}

export const jiraMutations: JiraMutations & ThisType<SiteState> = {
  createIssue(this: SiteState, input) {
    const project = this.projectsByKey.get(input.project.toUpperCase()) ?? this.projectsById.get(input.project);
    if (!project) throw new Error(`no project ${input.project}`);
    const when = at(this, input.at);
    const n = 1 + Math.max(0, ...this.raw.issues.filter((i) => i.projectId === project.id).map((i) => Number(i.key.split('-')[1])));
    const issue: FixtureIssue = {
      id: this.nextId(), key: `${project.key}-${n}`, projectId: project.id, summary: input.summary,
      issueTypeName: input.issueTypeName ?? 'Task', statusId: input.statusId ?? this.raw.statuses.find((s) => s.categoryKey === 'new')?.id ?? this.raw.statuses[0].id,
      resolution: null, resolutiondate: null, creatorId: input.creatorId, reporterId: input.reporterId ?? input.creatorId,
      assigneeId: input.assigneeId ?? null, created: when, updated: when, changelog: [], comments: [], worklogs: [],
    };
    this.raw.issues.push(issue);
    this.reindex();
    return jiraEvent(this, 'avi:jira:created:issue', issue, input.creatorId);
  },

  editIssue(this: SiteState, idOrKey, change) {
    const issue = liveIssue(this, idOrKey);
    const when = at(this, change.at);
    const history = { id: this.nextId(), authorId: change.authorId, created: when, items: change.items };
    issue.changelog.push(history);
    applyItems(issue, change.items, when);
    issue.updated = when;
    return jiraEvent(this, 'avi:jira:updated:issue', issue, change.authorId, { changelog: { id: history.id, items: change.items } });
  },

  transitionIssue(this: SiteState, idOrKey, change) {
    const issue = liveIssue(this, idOrKey);
    const from = this.statusesById.get(issue.statusId);
    const to = this.statusesById.get(change.statusId);
    if (!to) throw new Error(`no status ${change.statusId}`);
    const items: ChangelogItem[] = [
      { field: 'status', fieldtype: 'jira', fieldId: 'status', from: issue.statusId, fromString: from?.name ?? null, to: to.id, toString: to.name },
    ];
    const resolution = to.categoryKey === 'done' ? (change.resolution ?? 'Done') : null;
    if (resolution !== issue.resolution) {
      items.push({ field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: null, fromString: issue.resolution, to: null, toString: resolution });
    }
    return this.editIssue(issue.id, { authorId: change.authorId, items, at: change.at });
  },

  deleteIssue(this: SiteState, idOrKey, actorId, when) {
    const issue = liveIssue(this, idOrKey);
    issue.deletedAt = at(this, when);
    return jiraEvent(this, 'avi:jira:deleted:issue', issue, actorId);
  },

  addComment(this: SiteState, idOrKey, c) {
    const issue = liveIssue(this, idOrKey);
    const when = at(this, c.at);
    const comment: FixtureComment = { id: this.nextId(), authorId: c.authorId, updateAuthorId: c.authorId, created: when, updated: when, body: c.body ?? adf(c.text ?? 'A comment') };
    issue.comments.push(comment);
    issue.updated = when;
    return jiraEvent(this, 'avi:jira:commented:issue', issue, c.authorId, { comment: commentPayload(comment) });
  },

  editComment(this: SiteState, commentId, c) {
    const [issue, comment] = findComment(this, commentId);
    const when = at(this, c.at);
    comment.updateAuthorId = c.authorId;
    comment.updated = when;
    if (c.text !== undefined) comment.body = adf(c.text);
    issue.updated = when;
    return null;
  },

  deleteComment(this: SiteState, commentId, actorId, when) {
    const [issue, comment] = findComment(this, commentId);
    comment.deletedAt = at(this, when);
    issue.updated = comment.deletedAt;
    return jiraEvent(this, 'avi:jira:deleted:comment', issue, actorId, { comment: commentPayload(comment) });
  },

  addWorklog(this: SiteState, idOrKey, w) {
    const issue = liveIssue(this, idOrKey);
    const when = at(this, w.at);
    const worklog: FixtureWorklog = { id: this.nextId(), authorId: w.authorId, updateAuthorId: w.authorId, started: w.started, timeSpentSeconds: w.timeSpentSeconds, created: when, updated: when };
    issue.worklogs.push(worklog);
    issue.updated = when;
    return { eventType: 'avi:jira:created:worklog', worklog: worklogPayload(issue, worklog), atlassianId: w.authorId };
  },

  editWorklog(this: SiteState, worklogId, w) {
    const [issue, worklog] = findWorklog(this, worklogId);
    const when = at(this, w.at);
    if (w.started !== undefined) worklog.started = w.started;
    if (w.timeSpentSeconds !== undefined) worklog.timeSpentSeconds = w.timeSpentSeconds;
    worklog.updateAuthorId = w.authorId;
    worklog.updated = when;
    issue.updated = when;
    return { eventType: 'avi:jira:updated:worklog', worklog: worklogPayload(issue, worklog), atlassianId: w.authorId };
  },

  deleteWorklog(this: SiteState, worklogId, actorId, when) {
    const [issue, worklog] = findWorklog(this, worklogId);
    worklog.deletedAt = at(this, when);
    issue.updated = worklog.deletedAt;
    return { eventType: 'avi:jira:deleted:worklog', worklog: worklogPayload(issue, worklog), atlassianId: actorId };
  },

  setProjectBrowseGroups(this: SiteState, projectKey, groups) {
    const project = this.projectsByKey.get(projectKey.toUpperCase());
    if (!project) throw new Error(`no project ${projectKey}`);
    if (groups === undefined) delete project.browseGroups;
    else project.browseGroups = [...groups];
    return null;
  },

  setUserGroups(this: SiteState, accountId, groups) {
    const user = this.usersById.get(accountId);
    if (!user) throw new Error(`no user ${accountId}`);
    for (const g of groups) if (!this.groupId(g)) throw new Error(`no group ${g}`);
    user.groups = [...groups];
    return null;
  },

  revokeToken(this: SiteState, email) {
    const user = this.usersByEmail.get(email.toLowerCase());
    if (!user) throw new Error(`no user with email ${email}`);
    delete user.apiToken;
    delete user.scopedTokens;
    return null;
  },
};
