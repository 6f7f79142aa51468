import { z } from 'zod';

/**
 * The activity model every layer agrees on: the sync writes it, the oracle in the tests
 * computes it independently from a site fixture, the dashboard reads it.
 */
export const ACTIVITY_KINDS = [
  'jira.issue.created',
  'jira.issue.updated',
  'jira.issue.resolved',
  'jira.comment',
  'jira.worklog',
  'confluence.page.created',
  'confluence.page.updated',
  'confluence.comment',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const activityKindSchema = z.enum(ACTIVITY_KINDS);

export const ACTIVITY_SOURCES = ['jira', 'confluence'] as const;
export type ActivitySource = (typeof ACTIVITY_SOURCES)[number];

export function sourceOfKind(kind: ActivityKind): ActivitySource {
  return kind.startsWith('jira.') ? 'jira' : 'confluence';
}

/** A project (Jira) or a space (Confluence). `key` is the project key or space key. */
export const containerSchema = z.object({
  type: z.enum(['project', 'space']),
  id: z.string(),
  key: z.string(),
  name: z.string(),
});
export type Container = z.infer<typeof containerSchema>;

/** The issue, page or blog post an activity happened on. */
export const entitySchema = z.object({
  type: z.enum(['issue', 'page', 'blogpost']),
  id: z.string(),
  /** Issue key (PROJ-12) for issues, the page id for pages and blog posts. */
  key: z.string(),
  title: z.string(),
});
export type ActivityEntity = z.infer<typeof entitySchema>;

export const activityDetailsSchema = z
  .object({
    /** jira.issue.updated / resolved: the field ids the changelog entry touched. */
    fields: z.array(z.string()).optional(),
    /** jira.worklog: seconds logged. */
    seconds: z.number().int().nonnegative().optional(),
    /** jira.comment: 'created' or 'edited' (the latest edit, by the comment's updateAuthor). */
    action: z.enum(['created', 'edited']).optional(),
    /** confluence.page.updated: the version number; comments: the comment id. */
    version: z.number().int().positive().optional(),
    commentId: z.string().optional(),
    worklogId: z.string().optional(),
    changeId: z.string().optional(),
  })
  .strict();
export type ActivityDetails = z.infer<typeof activityDetailsSchema>;

/**
 * Whether the issue or page is seen by fewer people than its project or space: an issue security
 * level, or a read restriction on the page or one of its ancestors. 'unknown' where it was not
 * read: activities stored before it was recorded, and the host site, where each viewer's own
 * access to the item is asked instead.
 */
export const itemRestrictionSchema = z.union([z.boolean(), z.literal('unknown')]);
export type ItemRestriction = z.infer<typeof itemRestrictionSchema>;

export const activitySchema = z.object({
  id: z.string().min(1).max(400),
  source: z.enum(ACTIVITY_SOURCES),
  dataSourceId: z.string().min(1),
  kind: activityKindSchema,
  actorAccountId: z.string().min(1),
  teammateId: z.string().min(1),
  /** ISO 8601 UTC with milliseconds, e.g. 2026-11-24T09:30:00.000Z */
  at: z.string().datetime(),
  container: containerSchema,
  entity: entitySchema,
  /** Absolute link to the issue, comment, worklog, page or page comment on its site. */
  url: z.string().url(),
  details: activityDetailsSchema,
  /** Absent = 'unknown'. */
  restricted: itemRestrictionSchema.optional(),
});
export type Activity = z.infer<typeof activitySchema>;

/**
 * Deterministic activity ids: re-syncing any window, or an event and the poller seeing the same
 * change, produce the same id, so upserts are idempotent and nothing is counted twice.
 */
export const activityId = {
  issueCreated: (ds: string, issueId: string) => `jira:${ds}:issue-created:${issueId}`,
  issueUpdated: (ds: string, issueId: string, historyId: string) =>
    `jira:${ds}:issue-updated:${issueId}:${historyId}`,
  issueResolved: (ds: string, issueId: string, historyId: string) =>
    `jira:${ds}:issue-resolved:${issueId}:${historyId}`,
  commentCreated: (ds: string, commentId: string) => `jira:${ds}:comment:${commentId}:created`,
  commentEdited: (ds: string, commentId: string) => `jira:${ds}:comment:${commentId}:edited`,
  worklog: (ds: string, worklogId: string) => `jira:${ds}:worklog:${worklogId}`,
  pageCreated: (ds: string, pageId: string) => `confluence:${ds}:page-created:${pageId}`,
  pageUpdated: (ds: string, pageId: string, version: number) =>
    `confluence:${ds}:page-updated:${pageId}:${version}`,
  confluenceComment: (ds: string, commentId: string) => `confluence:${ds}:comment:${commentId}`,
};

/** UTC calendar day of an instant: the rollup bucket. */
export function utcDay(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10);
}

/** Stable key for a container, used in rollups and filters: `project:<id>` / `space:<id>`. */
export function containerKey(dataSourceId: string, c: Pick<Container, 'type' | 'id'>): string {
  return `${dataSourceId}/${c.type}:${c.id}`;
}
