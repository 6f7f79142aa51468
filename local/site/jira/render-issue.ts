import type { FixtureComment, FixtureHistory, FixtureIssue, FixtureStatus, FixtureWorklog } from '../fixture-schema';
import { formatJira, toMs } from '../time';
import type { Viewer } from '../viewer';
import { userDetailsById } from './render-users';

/** Jira issue, comment, worklog and changelog shapes as the v3 REST API returns them. */

const CATEGORY = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
} as const;

const ISSUE_TYPE_IDS: Record<string, string> = { Epic: '10000', Task: '10001', Bug: '10002', Story: '10003', 'Sub-task': '10005' };
const RESOLUTION_IDS: Record<string, string> = { Done: '10000', "Won't Do": '10001', Duplicate: '10002', 'Cannot Reproduce': '10003' };

/** Fields returned for `*navigable` / `*all` (the emulator knows no custom fields). */
export const NAVIGABLE_FIELDS = [
  'summary', 'status', 'assignee', 'reporter', 'creator', 'created', 'updated', 'resolution',
  'resolutiondate', 'project', 'issuetype', 'comment', 'worklog', 'description', 'labels', 'security',
] as const;

/** Inline list caps: per-issue endpoints are needed past them, as on Jira Cloud. */
export const INLINE_WORKLOG_CAP = 20;
export const INLINE_COMMENT_CAP = 50;
export const INLINE_CHANGELOG_CAP = 40;

const jiraTime = (iso: string, viewer: Viewer): string => formatJira(toMs(iso), viewer.timeZone);

export function statusBean(status: FixtureStatus, siteUrl: string): Record<string, unknown> {
  const cat = CATEGORY[status.categoryKey];
  return {
    self: `${siteUrl}/rest/api/3/status/${status.id}`,
    description: '',
    iconUrl: `${siteUrl}/images/icons/statuses/generic.png`,
    name: status.name,
    id: status.id,
    statusCategory: { self: `${siteUrl}/rest/api/3/statuscategory/${cat.id}`, ...cat },
  };
}

/** Parses a `fields` selection (`*all`, `*navigable`, `id`, names, `-name`) into a field set. */
export function selectFields(tokens: string[], dflt: 'id' | 'navigable'): Set<string> {
  const list = tokens.length === 0 ? [dflt === 'id' ? 'id' : '*navigable'] : tokens;
  const out = new Set<string>();
  for (const t of list) if (t === '*all' || t === '*navigable') NAVIGABLE_FIELDS.forEach((f) => out.add(f));
  for (const t of list) if (!t.startsWith('*') && !t.startsWith('-') && t !== 'id' && t !== 'key') out.add(t);
  for (const t of list) if (t.startsWith('-')) out.delete(t.slice(1));
  return out;
}

export function issueBean(issue: FixtureIssue, fields: Set<string>, expand: Set<string>, viewer: Viewer): Record<string, unknown> {
  const siteUrl = viewer.state.siteUrl;
  if (fields.size === 0 && !expand.has('changelog')) return { id: issue.id };
  const bean: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${siteUrl}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
  };
  if (fields.size > 0) bean.fields = issueFields(issue, fields, viewer);
  if (expand.has('changelog')) {
    const newestFirst = [...issue.changelog].sort(byCreatedThenId).reverse();
    bean.changelog = {
      startAt: 0,
      maxResults: INLINE_CHANGELOG_CAP,
      total: newestFirst.length,
      histories: newestFirst.slice(0, INLINE_CHANGELOG_CAP).map((h) => history(h, viewer)),
    };
  }
  return bean;
}

function issueFields(issue: FixtureIssue, wanted: Set<string>, viewer: Viewer): Record<string, unknown> {
  const s = viewer.state;
  const siteUrl = s.siteUrl;
  const project = s.projectsById.get(issue.projectId);
  const status = s.statusesById.get(issue.statusId);
  const all: Record<string, () => unknown> = {
    summary: () => issue.summary,
    status: () => (status ? statusBean(status, siteUrl) : null),
    assignee: () => (issue.assigneeId ? userDetailsById(issue.assigneeId, viewer) : null),
    reporter: () => userDetailsById(issue.reporterId, viewer),
    creator: () => userDetailsById(issue.creatorId, viewer),
    created: () => jiraTime(issue.created, viewer),
    updated: () => jiraTime(issue.updated, viewer),
    resolution: () =>
      issue.resolution === null
        ? null
        : {
            self: `${siteUrl}/rest/api/3/resolution/${RESOLUTION_IDS[issue.resolution] ?? '10099'}`,
            id: RESOLUTION_IDS[issue.resolution] ?? '10099',
            description: '',
            name: issue.resolution,
          },
    security: () => {
      const level = issue.securityLevelId === undefined ? undefined : s.raw.securityLevels?.find((l) => l.id === issue.securityLevelId);
      return level ? { self: `${siteUrl}/rest/api/3/securitylevel/${level.id}`, id: level.id, name: level.name, description: '' } : null;
    },
    resolutiondate: () => (issue.resolutiondate === null ? null : jiraTime(issue.resolutiondate, viewer)),
    project: () =>
      project && {
        self: `${siteUrl}/rest/api/3/project/${project.id}`,
        id: project.id,
        key: project.key,
        name: project.name,
        projectTypeKey: 'software',
        simplified: false,
      },
    issuetype: () => ({
      self: `${siteUrl}/rest/api/3/issuetype/${ISSUE_TYPE_IDS[issue.issueTypeName] ?? '10009'}`,
      id: ISSUE_TYPE_IDS[issue.issueTypeName] ?? '10009',
      description: '',
      name: issue.issueTypeName,
      subtask: issue.issueTypeName === 'Sub-task',
      hierarchyLevel: issue.issueTypeName === 'Epic' ? 1 : issue.issueTypeName === 'Sub-task' ? -1 : 0,
    }),
    comment: () => {
      const live = liveComments(issue);
      return {
        comments: live.slice(0, INLINE_COMMENT_CAP).map((c) => comment(issue, c, viewer)),
        self: `${siteUrl}/rest/api/3/issue/${issue.id}/comment`,
        maxResults: INLINE_COMMENT_CAP,
        total: live.length,
        startAt: 0,
      };
    },
    worklog: () => {
      const live = liveWorklogs(issue);
      return {
        startAt: 0,
        maxResults: INLINE_WORKLOG_CAP,
        total: live.length,
        worklogs: live.slice(0, INLINE_WORKLOG_CAP).map((w) => worklog(issue, w, viewer)),
      };
    },
    description: () => null,
    labels: () => [],
  };
  const out: Record<string, unknown> = {};
  for (const f of wanted) if (f in all) out[f] = all[f]();
  return out;
}

export const liveComments = (issue: FixtureIssue): FixtureComment[] =>
  issue.comments.filter((c) => !c.deletedAt).sort(byCreatedThenId);
export const liveWorklogs = (issue: FixtureIssue): FixtureWorklog[] =>
  issue.worklogs.filter((w) => !w.deletedAt).sort((a, b) => toMs(a.started) - toMs(b.started) || Number(a.id) - Number(b.id));

export function byCreatedThenId(a: { created: string; id: string }, b: { created: string; id: string }): number {
  return toMs(a.created) - toMs(b.created) || Number(a.id) - Number(b.id) || a.id.localeCompare(b.id);
}

export function comment(issue: FixtureIssue, c: FixtureComment, viewer: Viewer): Record<string, unknown> {
  return {
    self: `${viewer.state.siteUrl}/rest/api/3/issue/${issue.id}/comment/${c.id}`,
    id: c.id,
    author: userDetailsById(c.authorId, viewer),
    body: c.body,
    updateAuthor: userDetailsById(c.updateAuthorId, viewer),
    created: jiraTime(c.created, viewer),
    updated: jiraTime(c.updated, viewer),
    jsdPublic: true,
  };
}

export function worklog(issue: FixtureIssue, w: FixtureWorklog, viewer: Viewer): Record<string, unknown> {
  return {
    self: `${viewer.state.siteUrl}/rest/api/3/issue/${issue.id}/worklog/${w.id}`,
    author: userDetailsById(w.authorId, viewer),
    updateAuthor: userDetailsById(w.updateAuthorId, viewer),
    ...(w.comment ? { comment: w.comment } : {}),
    created: jiraTime(w.created, viewer),
    updated: jiraTime(w.updated, viewer),
    started: jiraTime(w.started, viewer),
    timeSpent: timeSpentText(w.timeSpentSeconds),
    timeSpentSeconds: w.timeSpentSeconds,
    id: w.id,
    issueId: issue.id,
  };
}

/** Jira's compact duration text, e.g. "1h 30m" (8h days, 5d weeks as Jira defaults). */
export function timeSpentText(seconds: number): string {
  const units: Array<[string, number]> = [['w', 144000], ['d', 28800], ['h', 3600], ['m', 60]];
  const parts: string[] = [];
  let rest = seconds;
  for (const [u, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${u}`);
    rest -= n * size;
  }
  return parts.length > 0 ? parts.join(' ') : '0m';
}

/** Changelog history; a history without an author (automation) has no `author`. */
export function history(h: FixtureHistory, viewer: Viewer, fieldIds?: Set<string>): Record<string, unknown> {
  const items = fieldIds ? h.items.filter((i) => fieldIds.has(i.fieldId)) : h.items;
  return {
    id: h.id,
    ...(h.authorId !== null ? { author: userDetailsById(h.authorId, viewer) } : {}),
    created: jiraTime(h.created, viewer),
    items: items.map((i) => ({ ...i })),
  };
}
