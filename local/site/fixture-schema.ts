import { z } from 'zod';
import { crossReferenceProblems } from './fixture-check';

export { crossReferenceProblems };

/**
 * The site fixture: everything one emulated Atlassian site (Jira + optional Confluence) knows.
 * Deleted things stay in the fixture (deletedAt / status) so the emulator can answer the
 * deletion feeds, and hide them everywhere else. The format is documented in docs/site-fixture.md.
 */

/** ISO 8601 instant with a time zone: `Z`, `+05:30` or Jira's `-0500`. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
export const instantSchema = z
  .string()
  .regex(ISO_INSTANT, 'expected an ISO 8601 instant with a zone, e.g. 2026-11-02T09:00:00.000Z')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a valid date');

const accountId = z.string().min(1);

/** Atlassian Document Format node; only the outer shape is checked. */
export const adfDocSchema = z.looseObject({
  type: z.literal('doc'),
  version: z.literal(1),
  content: z.array(z.unknown()),
});

export const fixtureUserSchema = z.object({
  accountId,
  displayName: z.string().min(1),
  email: z.string().min(3),
  emailVisible: z.boolean(),
  active: z.boolean(),
  accountType: z.enum(['atlassian', 'app']).optional(),
  groups: z.array(z.string()),
  apiToken: z.string().min(1).optional(),
  /**
   * Scoped API tokens (service accounts have only these): each works only through the API gateway
   * (`api.atlassian.com/ex/{jira|confluence}/{cloudId}`) and only for operations its scopes allow.
   */
  scopedTokens: z.array(z.object({ token: z.string().min(1), scopes: z.array(z.string().min(1)) })).optional(),
  timeZone: z.string().optional(),
  /**
   * An uploaded picture, as Jira Cloud serves it from Atlassian's avatar service
   * (`https://avatar-management--avatars.<region>.prod.public.atl-paas.net/...`): the user's
   * `avatarUrls` give it with `?size=<n>&s=<n>` per size. Absent: the site's default avatar.
   */
  avatarUrl: z.string().url().optional(),
  /** Product access; absent = both Jira and Confluence (when the site has Confluence). */
  products: z.array(z.enum(['jira', 'confluence'])).optional(),
});

export const fixtureGroupSchema = z.object({ name: z.string().min(1), groupId: z.string().min(1) });

export const fixtureStatusSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  categoryKey: z.enum(['new', 'indeterminate', 'done']),
});

export const fixtureProjectSchema = z.object({
  id: z.string().min(1),
  key: z.string().regex(/^[A-Z][A-Z0-9_]+$/, 'project keys are upper-case letters/digits'),
  name: z.string().min(1),
  /** Groups whose members may browse; absent = every active user. */
  browseGroups: z.array(z.string()).optional(),
});

export const changelogItemSchema = z.object({
  field: z.string(),
  fieldtype: z.string(),
  fieldId: z.string(),
  from: z.string().nullable(),
  fromString: z.string().nullable(),
  to: z.string().nullable(),
  toString: z.string().nullable(),
});

export const fixtureHistorySchema = z.object({
  id: z.string().min(1),
  /** null = an automation/system change without an author. */
  authorId: accountId.nullable(),
  created: instantSchema,
  items: z.array(changelogItemSchema).min(1),
});

export const fixtureCommentSchema = z.object({
  id: z.string().min(1),
  authorId: accountId,
  updateAuthorId: accountId,
  created: instantSchema,
  updated: instantSchema,
  body: adfDocSchema,
  deletedAt: instantSchema.optional(),
});

export const fixtureWorklogSchema = z.object({
  id: z.string().min(1),
  authorId: accountId,
  updateAuthorId: accountId,
  started: instantSchema,
  timeSpentSeconds: z.number().int().positive(),
  created: instantSchema,
  updated: instantSchema,
  deletedAt: instantSchema.optional(),
  comment: adfDocSchema.optional(),
});

export const fixtureIssueSchema = z.object({
  id: z.string().min(1),
  key: z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/),
  projectId: z.string().min(1),
  summary: z.string(),
  issueTypeName: z.string().min(1),
  statusId: z.string().min(1),
  resolution: z.string().nullable(),
  resolutiondate: instantSchema.nullable(),
  creatorId: accountId,
  reporterId: accountId,
  assigneeId: accountId.nullable(),
  created: instantSchema,
  updated: instantSchema,
  deletedAt: instantSchema.optional(),
  changelog: z.array(fixtureHistorySchema),
  comments: z.array(fixtureCommentSchema),
  worklogs: z.array(fixtureWorklogSchema),
  /** The issue security level (site `securityLevels`); absent = none, everyone who may browse the project sees it. */
  securityLevelId: z.string().min(1).optional(),
});

export const fixtureSpaceSchema = z.object({
  id: z.string().min(1),
  key: z.string().min(1),
  name: z.string().min(1),
  type: z.enum(['global', 'personal']),
  /** Groups whose members may view; absent = every active user with Confluence access. */
  viewGroups: z.array(z.string()).optional(),
});

export const contentVersionSchema = z.object({
  number: z.number().int().positive(),
  authorId: accountId,
  createdAt: instantSchema,
  message: z.string(),
  minorEdit: z.boolean(),
});

export const commentVersionSchema = z.object({
  number: z.number().int().positive(),
  authorId: accountId,
  createdAt: instantSchema,
});

export const contentCommentSchema = z.object({
  id: z.string().min(1),
  location: z.enum(['footer', 'inline']),
  parentCommentId: z.string().optional(),
  status: z.enum(['current', 'deleted']),
  versions: z.array(commentVersionSchema).min(1),
});

export const fixtureContentSchema = z.object({
  id: z.string().min(1),
  type: z.enum(['page', 'blogpost']),
  spaceId: z.string().min(1),
  title: z.string(),
  status: z.enum(['current', 'archived', 'trashed', 'deleted', 'draft']),
  parentId: z.string().optional(),
  authorId: accountId,
  createdAt: instantSchema,
  versions: z.array(contentVersionSchema).min(1),
  comments: z.array(contentCommentSchema),
  /**
   * Read (view) restrictions on this page or blog post; absent = none. Like Confluence's, they
   * also apply to every descendant page: to view, a user must be allowed by each on the way up.
   */
  readRestrictions: z.object({ groups: z.array(z.string()), accountIds: z.array(accountId) }).optional(),
});

/** An issue security level: who may see the issues that carry it (besides browsing the project). */
export const fixtureSecurityLevelSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  groups: z.array(z.string()),
  accountIds: z.array(accountId),
});

export const teammateSchema = z.object({
  name: z.string().min(1),
  team: z.string().optional(),
  accountId: accountId.optional(),
  email: z.string().optional(),
});

export const rolesSchema = z.object({ admin: accountId, teamLead: accountId, noAccess: accountId });

export const siteFixtureSchema = z.object({
  /** Served as https://<name>.atlassian.net (Confluence under /wiki). */
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'site names are lower-case host labels'),
  cloudId: z.string().min(1),
  confluence: z.boolean(),
  /** The site lets anonymous users in: a bad token is answered as anonymous (200), not 401. */
  anonymousAccess: z.boolean().optional(),
  users: z.array(fixtureUserSchema),
  groups: z.array(fixtureGroupSchema),
  statuses: z.array(fixtureStatusSchema),
  projects: z.array(fixtureProjectSchema),
  issues: z.array(fixtureIssueSchema),
  securityLevels: z.array(fixtureSecurityLevelSchema).optional(),
  spaces: z.array(fixtureSpaceSchema),
  contents: z.array(fixtureContentSchema),
  teammates: z.array(teammateSchema).optional(),
  roles: rolesSchema.optional(),
});

export type SiteFixture = z.infer<typeof siteFixtureSchema>;
export type FixtureUser = z.infer<typeof fixtureUserSchema>;
export type FixtureGroup = z.infer<typeof fixtureGroupSchema>;
export type FixtureStatus = z.infer<typeof fixtureStatusSchema>;
export type FixtureProject = z.infer<typeof fixtureProjectSchema>;
export type FixtureIssue = z.infer<typeof fixtureIssueSchema>;
export type FixtureHistory = z.infer<typeof fixtureHistorySchema>;
export type ChangelogItem = z.infer<typeof changelogItemSchema>;
export type FixtureComment = z.infer<typeof fixtureCommentSchema>;
export type FixtureWorklog = z.infer<typeof fixtureWorklogSchema>;
export type FixtureSecurityLevel = z.infer<typeof fixtureSecurityLevelSchema>;
export type FixtureSpace = z.infer<typeof fixtureSpaceSchema>;
export type FixtureContent = z.infer<typeof fixtureContentSchema>;
export type ContentVersion = z.infer<typeof contentVersionSchema>;
export type ContentComment = z.infer<typeof contentCommentSchema>;
export type CommentVersion = z.infer<typeof commentVersionSchema>;
export type Teammate = z.infer<typeof teammateSchema>;
export type AdfDoc = z.infer<typeof adfDocSchema>;

/** Parses a fixture and checks cross-references (ids that must point at something). */
export function parseSiteFixture(input: unknown): SiteFixture {
  const fixture = siteFixtureSchema.parse(input);
  const problems = crossReferenceProblems(fixture);
  if (problems.length > 0) {
    throw new Error(`site fixture "${fixture.name}" is inconsistent:\n- ${problems.slice(0, 20).join('\n- ')}`);
  }
  return fixture;
}
