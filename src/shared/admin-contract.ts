import { z } from 'zod';
import { AVATAR_URL_MAX, avatarUrlSchema, teammateAvatarSchema } from '../domain/avatar';
import { dataSourceSchema, emailResolutionSchema, settingsSchema, teamSchema, TOKEN_KINDS } from '../domain/config';

/**
 * The admin page's resolver contract: every key with its payload and result (`data`) schema.
 * The backend parses payloads with these; the admin UI imports the types. Tokens appear only in
 * payloads (write-only): no result schema has a field that could carry one.
 */
const id = z.string().regex(/^[a-z0-9-]{1,40}$/, 'Unknown id');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-01-31');
const empty = z.object({}).strict();
/** Text that goes into a site request: an unpaired surrogate cannot be URL-encoded. */
const searchText = (max: number) => z.string().max(max).refine((s) => !/\p{Cs}/u.test(s), 'Contains a broken character: retype it');
/** Run ids are made by the sync from base-36 time and the data source id. */
const runId = z.string().regex(/^[a-z0-9-]{1,200}$/, 'Unknown run');

/**
 * A data source as the form sees it: the stored document (no token ever), `kind` telling the host
 * apart. `viewGroups` (other sites only): who sees this site's titles; absent = the dashboard groups.
 */
export const dataSourceViewSchema = dataSourceSchema;
export type DataSourceView = z.infer<typeof dataSourceViewSchema>;

export const saveSourcePayload = z
  .object({
    id: id.optional(),
    name: z.string().max(100),
    enabled: z.boolean(),
    jiraUrl: z.string().max(2000),
    jiraEmail: z.string().max(320),
    /**
     * Omitted or empty: keep the saved token. Required for a new source and whenever the Jira
     * site changes: credentials are bound to their site (src/shared/credential-site.ts).
     */
    jiraToken: z.string().max(1000).optional(),
    /**
     * The kind of API token: 'classic' (used on the site's address) or 'scoped' (through Atlassian's
     * API gateway; service accounts only have these). Omitted: keep the saved kind (new: classic).
     */
    tokenKind: z.enum(TOKEN_KINDS).optional(),
    /** Omitted or empty: the source has no Confluence. */
    confluenceUrl: z.string().max(2000).optional(),
    /** Empty: use the Jira email. */
    confluenceEmail: z.string().max(320).optional(),
    /**
     * Empty: keep the saved Confluence token while Confluence stays on its site; with none saved,
     * use the Jira token, which only Confluence on Jira's own site may.
     */
    confluenceToken: z.string().max(1000).optional(),
    /**
     * Host-site groups whose members see titles and links of this site's activity on the
     * dashboard. Omitted: keep what is saved; empty: none of its own (the dashboard groups).
     */
    viewGroups: z.array(z.string().max(255)).max(50).optional(),
    /** Titles of issues with a security level and restricted pages. Omitted: keep what is saved (off for a new source). */
    showRestrictedTitles: z.boolean().optional(),
  })
  .strict();
export type SaveSourcePayload = z.infer<typeof saveSourcePayload>;

export const productCheckSchema = z.object({
  product: z.enum(['jira', 'confluence']),
  /**
   * `wrong-token-kind`: the token signs in only as the other kind (a scoped token saved as classic,
   * or the reverse); `missing-scope`: the scoped token lacks a scope the app needs; `not-connected`:
   * the host site's Confluence is not connected to the app's installation (a state, not a failure).
   */
  status: z.enum(['ok', 'auth-failed', 'wrong-token-kind', 'missing-scope', 'forbidden', 'not-found', 'unreachable', 'rate-limited', 'not-configured', 'not-connected', 'error']),
  /** Short headline, e.g. "Authentication failed". */
  title: z.string(),
  /** What to do about it, in words an admin can act on. */
  advice: z.string(),
  connectedAs: z.object({ accountId: z.string(), displayName: z.string().optional(), email: z.string().optional() }).optional(),
});
export type ProductCheck = z.infer<typeof productCheckSchema>;

export const connectionTestSchema = z.object({
  dataSourceId: z.string(),
  testedAt: z.string(),
  jira: productCheckSchema,
  confluence: productCheckSchema.optional(),
  /** The source was waiting for a passing test (saved while failing it) and is enabled now. */
  enabledNow: z.literal(true).optional(),
});
export type ConnectionTest = z.infer<typeof connectionTestSchema>;

export const externalIdInput = z
  .object({
    dataSourceId: z.union([z.literal('*'), id]),
    type: z.enum(['accountId', 'email']),
    value: z.string().max(320),
  })
  .strict();

export const teammateViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  teamId: z.string().optional(),
  mappedAt: z.string(),
  externalIds: z.array(
    z.object({
      dataSourceId: z.string(),
      type: z.enum(['accountId', 'email']),
      value: z.string(),
      resolutions: z.record(z.string(), emailResolutionSchema).optional(),
    }),
  ),
  /** Their picture (an Atlassian avatar host only) and the account it came from. */
  avatar: teammateAvatarSchema.optional(),
});
export type TeammateView = z.infer<typeof teammateViewSchema>;

export const userSummarySchema = z.object({
  accountId: z.string(),
  displayName: z.string(),
  email: z.string().optional(),
  /** Their 48x48 picture, when it is on an Atlassian avatar host. */
  avatarUrl: avatarUrlSchema.optional(),
  /** The teammate this person already is (by account ID or email): the picker says "Already added". */
  addedAs: z.object({ id: z.string(), name: z.string() }).optional(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const bulkAddResultSchema = z.object({
  added: z.array(teammateViewSchema),
  /** Already a teammate (same account id), or not a person (an app account). */
  skipped: z.array(z.object({ accountId: z.string(), displayName: z.string(), reason: z.string() })),
  /** Said when not everything was added, e.g. a group larger than one click may add. */
  note: z.string().optional(),
});

export const syncRunViewSchema = z.object({
  id: z.string(),
  dataSourceId: z.string(),
  dataSourceName: z.string(),
  reason: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'partial', 'rate-limited', 'failed', 'cancelled']),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  durationMs: z.number().optional(),
  window: z.object({ since: z.string(), until: z.string() }).optional(),
  progress: z.object({
    streamsDone: z.number(),
    streamsTotal: z.number(),
    pages: z.number(),
    activities: z.number(),
    etaSec: z.number().optional(),
  }),
  /** Each stream of the run as it goes (saved after every page): the progress bar's detail. */
  streams: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['pending', 'running', 'done', 'skipped', 'failed']),
      pages: z.number(),
      activities: z.number(),
      note: z.string().optional(),
    }),
  ),
  countsByKind: z.record(z.string(), z.number()),
  restCalls: z.number(),
  rateLimited: z.number(),
  errors: z.array(z.object({ code: z.string(), message: z.string(), stream: z.string().optional() })),
});
export type SyncRunView = z.infer<typeof syncRunViewSchema>;

export const diagnosticSchema = z.object({
  id: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  dataSourceId: z.string().optional(),
  title: z.string(),
  detail: z.string(),
  /** The tab the admin should go to, to fix it. */
  fixIn: z.enum(['sources', 'teammates', 'sync', 'access']).optional(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

export const accessSettingsSchema = settingsSchema.pick({ dashboardGroups: true, privacyMode: true });
export const syncSettingsSchema = settingsSchema.pick({ syncIntervalMinutes: true, historyDays: true });

const purgeProgressSchema = z.object({ activities: z.number().int().nonnegative(), continuing: z.boolean() });

const duplicateGroupSchema = z.object({
  /** What they share: "email priya@example.com", "account 5b10…". */
  shared: z.array(z.string()),
  teammates: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type DuplicateGroup = z.infer<typeof duplicateGroupSchema>;

const c = <P extends z.ZodTypeAny, R extends z.ZodTypeAny>(payload: P, result: R) => ({ payload, result });

export const adminContract = {
  'sources/list': c(
    empty,
    z.object({
      sources: z.array(dataSourceViewSchema),
      historyDays: z.number(),
      /** The installation's link to the host site's Confluence (an optional app): 'not-connected' is shown as a state. */
      hostConfluence: z.enum(['connected', 'not-connected', 'unknown']),
    }),
  ),
  /**
   * Field problems answer BAD_REQUEST/CONFLICT with every field at once (`error.fields`) and store
   * nothing. Otherwise the source is stored; a new or changed one is tested: `problems` are the
   * test's failures at the field to fix (the source then stays disabled until a test passes),
   * `notes` what the save did by itself (Confluence found on the site and added).
   */
  'sources/save': c(
    saveSourcePayload,
    z.object({
      source: dataSourceViewSchema,
      test: connectionTestSchema.optional(),
      problems: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
      notes: z.array(z.string()).optional(),
    }),
  ),
  'sources/set-enabled': c(z.object({ id, enabled: z.boolean() }).strict(), z.object({ source: dataSourceViewSchema })),
  'sources/delete': c(
    z.object({ id }).strict(),
    z.object({
      deleted: z.string(),
      /** Its stored activities: deleted so far, and whether the rest is deleted in the background. */
      purge: purgeProgressSchema.optional(),
    }),
  ),
  'sources/test': c(z.object({ id }).strict(), connectionTestSchema),
  'sources/fetch-now': c(
    z.object({ id, since: day, until: day }).strict(),
    z.object({ runIds: z.array(z.string()) }),
  ),
  'teammates/list': c(empty, z.object({ teammates: z.array(teammateViewSchema), teams: z.array(teamSchema) })),
  'teammates/save': c(
    z
      .object({
        id: id.optional(),
        name: z.string().max(200),
        teamId: id.optional(),
        externalIds: z.array(externalIdInput).max(50),
        /**
         * A person's picture from the people search ("Map here"): kept only on an Atlassian avatar
         * host and while the account is one of the teammate's. Omitted: keep the stored one.
         */
        avatar: z.object({ accountId: z.string().min(1).max(128), url: z.string().max(AVATAR_URL_MAX) }).strict().optional(),
      })
      .strict(),
    z.object({
      teammate: teammateViewSchema,
      /** Present when the edit took IDs away: what those accounts contributed is being deleted. */
      purge: purgeProgressSchema.optional(),
    }),
  ),
  'teammates/delete': c(
    z.object({ id }).strict(),
    z.object({
      deleted: z.string(),
      /** Their stored activities: deleted so far, and whether the rest is deleted in the background. */
      purge: purgeProgressSchema.optional(),
    }),
  ),
  'teammates/resolve': c(z.object({ id: id.optional() }).strict(), z.object({ teammates: z.array(teammateViewSchema) })),
  'teammates/add-users': c(
    z
      .object({
        users: z
          .array(
            z
              .object({
                accountId: z.string().min(1).max(128),
                displayName: z.string().max(200),
                email: z.string().max(320).optional(),
                /** From the search result; kept only on an Atlassian avatar host (anything else is dropped). */
                avatarUrl: z.string().max(AVATAR_URL_MAX).optional(),
              })
              .strict(),
          )
          .min(1)
          .max(100),
        teamId: id.optional(),
      })
      .strict(),
    bulkAddResultSchema,
  ),
  'teammates/add-group': c(z.object({ groupName: searchText(255), teamId: id.optional() }).strict(), bulkAddResultSchema),
  /** Teammates that are one person (a shared email or account), to offer for merge. */
  'teammates/duplicates': c(empty, z.object({ groups: z.array(duplicateGroupSchema) })),
  /**
   * Folds `mergeIds` into `keepId`: its identities join the kept teammate, the others leave, and
   * their activities are re-attributed (deleted in a resumable purge, fetched again for the kept one).
   */
  'teammates/merge': c(
    z.object({ keepId: id, mergeIds: z.array(id).min(1).max(20) }).strict(),
    z.object({ teammate: teammateViewSchema, purge: purgeProgressSchema.optional() }),
  ),
  'teams/save': c(z.object({ id: id.optional(), name: z.string().max(100) }).strict(), z.object({ team: teamSchema })),
  'teams/delete': c(z.object({ id }).strict(), z.object({ deleted: z.string() })),
  'users/search': c(z.object({ query: searchText(100) }).strict(), z.object({ users: z.array(userSummarySchema) })),
  /**
   * The group picker (access and source view groups, add-a-group): host-site groups whose name
   * contains the query in any case, at most 20; empty query: the first groups. `total` counts
   * every match, so the picker can say "type more to narrow" when it exceeds the list.
   */
  'groups/search': c(
    z.object({ query: searchText(100) }).strict(),
    z.object({ groups: z.array(z.object({ name: z.string(), groupId: z.string().optional() })), total: z.number().int() }),
  ),
  'settings/get': c(empty, settingsSchema),
  'settings/save-sync': c(syncSettingsSchema.strict(), settingsSchema),
  'settings/save-access': c(accessSettingsSchema.strict(), settingsSchema),
  'sync/status': c(empty, z.object({ running: z.array(syncRunViewSchema) })),
  'sync/cancel': c(z.object({ runId }).strict(), z.object({ cancelled: z.boolean() })),
  'sync/history': c(
    z.object({ limit: z.number().int().min(1).max(100).optional() }).strict(),
    z.object({ runs: z.array(syncRunViewSchema) }),
  ),
  'sync/diagnostics': c(empty, z.object({ checkedAt: z.string(), findings: z.array(diagnosticSchema) })),
} as const;

/** The stored shapes the admin page shows, as the contract sends them. */
export type Settings = z.infer<typeof settingsSchema>;
export type Team = z.infer<typeof teamSchema>;
export type EmailResolution = z.infer<typeof emailResolutionSchema>;

export type AdminContract = typeof adminContract;
export type AdminKey = keyof AdminContract;
export type AdminPayload<K extends AdminKey> = z.input<AdminContract[K]['payload']>;
export type AdminResult<K extends AdminKey> = z.infer<AdminContract[K]['result']>;
export const ADMIN_KEYS = Object.keys(adminContract) as AdminKey[];
