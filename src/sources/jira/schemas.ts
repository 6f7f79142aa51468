import { z } from 'zod';

/**
 * Loose schemas for the Jira fields the sync relies on. Unknown fields pass through (the API
 * grows), and only what attribution needs is required.
 */
export const userRefSchema = z.looseObject({ accountId: z.string(), displayName: z.string().optional() });

export const changelogItemSchema = z.looseObject({
  field: z.string().optional(),
  fieldId: z.string().optional(),
  fieldtype: z.string().optional(),
  from: z.string().nullish(),
  fromString: z.string().nullish(),
  to: z.string().nullish(),
  toString: z.string().nullish(),
});

export const changelogSchema = z.looseObject({
  id: z.string(),
  author: userRefSchema.nullish(),
  created: z.string(),
  items: z.array(changelogItemSchema).default([]),
});
export type JiraChangelog = z.infer<typeof changelogSchema>;

export const commentSchema = z.looseObject({
  id: z.string(),
  author: userRefSchema.nullish(),
  updateAuthor: userRefSchema.nullish(),
  created: z.string(),
  updated: z.string().optional(),
});
export type JiraComment = z.infer<typeof commentSchema>;

export const pageOfCommentsSchema = z.looseObject({
  comments: z.array(commentSchema).default([]),
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
  total: z.number().optional(),
});

export const worklogSchema = z.looseObject({
  id: z.string(),
  issueId: z.string(),
  author: userRefSchema.nullish(),
  updateAuthor: userRefSchema.nullish(),
  started: z.string(),
  timeSpentSeconds: z.number().int().nonnegative().default(0),
  created: z.string().optional(),
  updated: z.string().optional(),
});
export type JiraWorklog = z.infer<typeof worklogSchema>;

export const projectRefSchema = z.looseObject({ id: z.string(), key: z.string(), name: z.string().default('') });

export const issueFieldsSchema = z.looseObject({
  summary: z.string().default(''),
  project: projectRefSchema,
  created: z.string(),
  updated: z.string().optional(),
  creator: userRefSchema.nullish(),
  comment: pageOfCommentsSchema.optional(),
  /** The issue security level: null = none; absent when not asked for (or not returned). */
  security: z.looseObject({ id: z.string().optional() }).nullish(),
});

export const issueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: issueFieldsSchema,
});
export type JiraIssue = z.infer<typeof issueSchema>;

/** The fields the sync asks bulkfetch for: everything attribution needs, comments inline. */
export const ISSUE_FIELDS = ['summary', 'project', 'created', 'updated', 'creator', 'comment', 'security'] as const;
