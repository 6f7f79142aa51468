import { z } from 'zod';
import { teammateAvatarSchema } from './avatar';
import { accessLostSchema, ACCESS_LOST_LIMIT } from './deletion-evidence';

/**
 * The configuration shapes (stored as plain KVS values by src/store/config-formats.ts, which
 * adds their format version). Tokens are never part of these: they live in KVS secrets
 * (store/keys.ts SECRET) and a data source only records when each was set.
 */
export const HOST_DATA_SOURCE_ID = 'host';

/**
 * How a data source's API tokens are used. A classic token signs in on the site's own address;
 * a scoped token (the only kind a service account has) works only through Atlassian's API gateway,
 * `https://api.atlassian.com/ex/{jira|confluence}/{cloudId}`, with the site's cloud id.
 * https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/
 */
export const TOKEN_KINDS = ['classic', 'scoped'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** A site's cloud id, as `/_edge/tenant_info` gives it: a UUID, safe as a path segment. */
export const CLOUD_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const cloudIdSchema = z.string().regex(CLOUD_ID_PATTERN, 'Not a cloud id');

const dataSourceFields = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  kind: z.enum(['host', 'cloud']),
  name: z.string().min(1).max(100),
  enabled: z.boolean(),
  /** https://<name>.atlassian.net (normalised); for the host site, the site URL. */
  jiraUrl: z.string().url(),
  jiraEmail: z.string().optional(),
  jiraTokenSetAt: z.string().datetime().optional(),
  /** Base URL of Confluence incl. /wiki, or absent when the source has no Confluence. */
  confluenceUrl: z.string().url().optional(),
  /** Empty means: use the Jira email / token. */
  confluenceEmail: z.string().optional(),
  confluenceTokenSetAt: z.string().datetime().optional(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
  /**
   * Saved with "enabled" asked for while its connection test failed: kept disabled until a test
   * passes, which enables it. An optional field: documents written before it read as "not waiting".
   */
  awaitingTest: z.object({ since: z.string().datetime() }).optional(),
  /** Set by the sync when the source keeps failing (revoked token, site gone). */
  failing: z.object({ since: z.string().datetime(), code: z.string(), message: z.string() }).optional(),
  /**
   * Set by the last finished deletion sweep: projects and spaces the source's account can no
   * longer read. Their activity is kept (src/domain/deletion-evidence.ts); `more` counts the
   * ones beyond the list. An optional field: documents written before it read as "none".
   */
  accessLost: z
    .object({ at: z.string().datetime(), containers: z.array(accessLostSchema).max(ACCESS_LOST_LIMIT), more: z.number().int().min(0) })
    .optional(),
  /**
   * Host-site groups whose members see titles and links of this (other) site's activity on the
   * dashboard; absent = the dashboard groups. Jira administrators always do. Ignored for the host,
   * where each viewer's own browse permission decides.
   */
  viewGroups: z.array(z.string().min(1).max(255)).max(50).optional(),
  /**
   * Other sites only: show titles and links of issues with a security level and of restricted
   * pages (or not known to have none) to those who see this site's titles. Absent = off: such
   * items are counted only. The host site asks each viewer's own access instead.
   */
  showRestrictedTitles: z.boolean().optional(),
  /** Other sites: the kind of API token(s) saved for it. The host has none (Forge signs its calls). */
  tokenKind: z.enum(TOKEN_KINDS).optional(),
  /** The site's cloud id, kept for a scoped token: its calls go through the API gateway. */
  cloudId: cloudIdSchema.optional(),
});

/** An external source always says its token kind; a scoped one always has its cloud id. */
export const dataSourceSchema = dataSourceFields.superRefine((ds, ctx) => {
  if (ds.kind === 'cloud' && !ds.tokenKind) ctx.addIssue({ code: 'custom', path: ['tokenKind'], message: 'Required for another site' });
  if (ds.tokenKind === 'scoped' && !ds.cloudId) ctx.addIssue({ code: 'custom', path: ['cloudId'], message: 'Required for a scoped token' });
});
export type DataSource = z.infer<typeof dataSourceSchema>;

/** Data source documents written before token kinds (formats 1 and 2): every token was classic. */
export const dataSourceBeforeTokenKindsSchema = dataSourceFields.omit({ tokenKind: true, cloudId: true });

/** Where a product's REST paths go for a data source (one place: src/platform builds clients from it). */
export const API_GATEWAY_ORIGIN = 'https://api.atlassian.com';

/**
 * The base every REST path (`/rest/...`, `/wiki/...`) of a product is appended to: the site's own
 * origin, or for a scoped token the gateway's `/ex/<product>/<cloudId>`. Links shown to people
 * always use the site's own address, never this.
 */
export function apiBaseUrl(ds: Pick<DataSource, 'jiraUrl' | 'confluenceUrl' | 'tokenKind' | 'cloudId'>, product: 'jira' | 'confluence'): string | undefined {
  const siteUrl = product === 'jira' ? ds.jiraUrl : ds.confluenceUrl;
  if (!siteUrl) return undefined;
  if (ds.tokenKind !== 'scoped') return new URL(siteUrl).origin;
  if (!ds.cloudId || !CLOUD_ID_PATTERN.test(ds.cloudId)) return undefined;
  return `${API_GATEWAY_ORIGIN}/ex/${product}/${ds.cloudId.toLowerCase()}`;
}

export const emailResolutionSchema = z.object({
  status: z.enum(['resolved', 'not-found', 'hidden', 'error']),
  accountId: z.string().optional(),
  displayName: z.string().optional(),
  checkedAt: z.string().datetime(),
});
export type EmailResolution = z.infer<typeof emailResolutionSchema>;

export const externalIdSchema = z.object({
  /** '*' = every data source (an account ID is the same on every Cloud site). */
  dataSourceId: z.string(),
  type: z.enum(['accountId', 'email']),
  value: z.string().min(1).max(320),
  /** For emails: the last resolution on each data source it applies to, by data source id. */
  resolutions: z.record(z.string(), emailResolutionSchema).optional(),
});
export type ExternalId = z.infer<typeof externalIdSchema>;

export const teammateSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.string().min(1).max(200),
  teamId: z.string().optional(),
  externalIds: z.array(externalIdSchema).max(50),
  /** When this teammate was added or got a new identity: the next run backfills their history. */
  mappedAt: z.string().datetime(),
  /**
   * Their picture, from the Jira user they were mapped to (src/domain/avatar.ts). Optional:
   * documents written before it read as "no picture"; a stored URL no longer on an allowed host
   * reads as none too, and is dropped when the document is next written.
   */
  avatar: teammateAvatarSchema.optional().catch(undefined),
});
export type Teammate = z.infer<typeof teammateSchema>;

export const teamSchema = z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/), name: z.string().min(1).max(100) });
export type Team = z.infer<typeof teamSchema>;

export const teammatesDocSchema = z.object({
  teammates: z.array(teammateSchema),
  teams: z.array(teamSchema),
});
export type TeammatesDoc = z.infer<typeof teammatesDocSchema>;

export const settingsSchema = z.object({
  /** Minutes between scheduled syncs; the trigger fires every 5 minutes and skips until due. */
  syncIntervalMinutes: z.number().int().min(5).max(7 * 24 * 60),
  /** Days of history a backfill (and a newly mapped teammate) gets. */
  historyDays: z.number().int().min(1).max(365),
  /** Jira groups whose members may open the dashboard, besides Jira administrators. */
  dashboardGroups: z.array(z.string()),
  /** Privacy mode: titles and links are hidden from everyone; only counts are shown. */
  privacyMode: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  syncIntervalMinutes: 60,
  historyDays: 90,
  dashboardGroups: ['jira-administrators', 'team-leads'],
  privacyMode: false,
};

/** The account id a teammate has on a data source, if any is known. */
export function accountIdFor(t: Teammate, dataSourceId: string): string | undefined {
  for (const x of t.externalIds) {
    if (x.dataSourceId !== '*' && x.dataSourceId !== dataSourceId) continue;
    if (x.type === 'accountId') return x.value;
    const r = x.resolutions?.[dataSourceId];
    if (r?.status === 'resolved' && r.accountId) return r.accountId;
  }
  return undefined;
}

/** What the app learns about the site it is installed on before it records it as a data source. */
export interface HostSite {
  /** Any URL of the site; only its origin is kept. */
  siteUrl: string;
  hasConfluence: boolean;
}

/** The host site as a data source: no token (Forge signs the calls), named after its host name. */
export function hostDataSource(site: HostSite, at: string): DataSource {
  const origin = new URL(site.siteUrl).origin;
  return {
    id: HOST_DATA_SOURCE_ID,
    kind: 'host',
    name: new URL(origin).hostname,
    enabled: true,
    jiraUrl: origin,
    ...(site.hasConfluence ? { confluenceUrl: `${origin}/wiki` } : {}),
    createdAt: at,
    updatedAt: at,
  };
}
