import { z } from 'zod';
import { ACTIVITY_KINDS, ACTIVITY_SOURCES } from '../domain/activity';
import { avatarUrlSchema } from '../domain/avatar';
import { isTimeZone } from './zoned-time';

/**
 * The dashboard's resolver contract: keys, payloads and results. The same filter shape is what
 * the dashboard keeps in its URL, so a bookmarked view asks the resolver the same question.
 */
export const RANGE_PRESETS = ['7d', '30d', '90d'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const PRESET_DAYS: Record<RangePreset, number> = { '7d': 7, '30d': 30, '90d': 90 };
/** A custom range may span at most this many days (a year plus a leap day). */
export const MAX_RANGE_DAYS = 366;

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const daySchema = z
  .string()
  .regex(DAY_RE, 'expected a day as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a calendar day');
const idSchema = z.string().min(1).max(200);

export const dashboardFiltersSchema = z
  .object({
    range: z.enum([...RANGE_PRESETS, 'custom']).default('30d'),
    /** Custom range, both ends included, UTC days. */
    from: daySchema.optional(),
    to: daySchema.optional(),
    teamId: idSchema.optional(),
    teammateId: idSchema.optional(),
    source: z.enum(ACTIVITY_SOURCES).optional(),
    dataSourceId: idSchema.optional(),
    kind: z.enum(ACTIVITY_KINDS).optional(),
    /** A project or space: `<dataSourceId>/<project|space>:<id>` (containerKey()). */
    container: z
      .string()
      .regex(/^[a-z0-9-]{1,40}\/(project|space):[^/\s]{1,100}$/, 'expected <dataSource>/<project|space>:<id>')
      .optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.range !== 'custom') return;
    if (!f.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'a custom range needs a start day' });
    if (!f.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'a custom range needs an end day' });
    if (!f.from || !f.to) return;
    const span = (Date.parse(`${f.to}T00:00:00Z`) - Date.parse(`${f.from}T00:00:00Z`)) / 86_400_000 + 1;
    if (span < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'the end day is before the start day' });
    if (span > MAX_RANGE_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `a range may span at most ${MAX_RANGE_DAYS} days` });
    }
  });
export type DashboardFilters = z.infer<typeof dashboardFiltersSchema>;
export type DashboardFiltersInput = z.input<typeof dashboardFiltersSchema>;

export const BUCKETS = ['day', 'week'] as const;
/** The by-teammate chart names this many people; the rest share one stack with this key. */
export const CHART_TEAMMATES = 8;
export const OTHERS_KEY = 'others';
export const SPLITS = ['kind', 'teammate'] as const;

const kindCountsSchema = z.record(z.string(), z.number().int().nonnegative());

export const dashboardContextResult = z.object({
  viewer: z.object({ accountId: z.string(), isAdmin: z.boolean() }),
  access: z.object({ allowed: z.boolean(), reason: z.string().optional(), groups: z.array(z.string()) }),
  privacyMode: z.boolean(),
  today: z.string(),
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  teammates: z.array(z.object({ id: z.string(), name: z.string(), teamId: z.string().optional() })),
  dataSources: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(['host', 'cloud']) })),
});
export type DashboardContext = z.infer<typeof dashboardContextResult>;

export const EMPTY_REASONS = ['no-teammates', 'no-sync', 'no-activity-in-range'] as const;
export type EmptyReason = (typeof EMPTY_REASONS)[number];

const containerRowSchema = z.object({
  key: z.string(),
  type: z.enum(['project', 'space']),
  dataSourceId: z.string(),
  /** Null when the viewer may not browse it: counted, not named. */
  name: z.string().nullable(),
  containerKey: z.string().nullable(),
  count: z.number().int().nonnegative(),
});

export const dashboardSummaryResult = z.object({
  range: z.object({
    from: z.string(),
    to: z.string(),
    days: z.number().int().positive(),
    previousFrom: z.string(),
    previousTo: z.string(),
  }),
  totals: z.object({
    count: z.number().int().nonnegative(),
    previous: z.number().int().nonnegative(),
    seconds: z.number().int().nonnegative(),
    previousSeconds: z.number().int().nonnegative(),
    byKind: z.array(
      z.object({ kind: z.enum(ACTIVITY_KINDS), count: z.number().int().nonnegative(), previous: z.number().int().nonnegative() }),
    ),
  }),
  series: z.object({
    bucket: z.enum(BUCKETS),
    split: z.enum(SPLITS),
    /** First day of each bucket (the range start for a partial first week). */
    starts: z.array(z.string()),
    /** Split by teammate: the busiest people, then `others` for the rest; quiet people left out. */
    stacks: z.array(z.object({ key: z.string(), label: z.string(), values: z.array(z.number().int().nonnegative()) })),
    /** Per bucket: a week cut short by the range (fewer than 7 days). */
    partial: z.array(z.boolean()),
  }),
  /** Every day of the range with its count, for the calendar heatmap. */
  heatmap: z.array(z.object({ day: z.string(), count: z.number().int().nonnegative() })),
  teammates: z.array(
    z.object({
      teammateId: z.string(),
      name: z.string(),
      /** Their picture on an Atlassian avatar host; never sent in privacy mode. */
      avatarUrl: avatarUrlSchema.optional(),
      teamId: z.string().optional(),
      counts: kindCountsSchema,
      total: z.number().int().nonnegative(),
      seconds: z.number().int().nonnegative(),
      /** Last day with activity in the range or the period before it; null when none. */
      lastActive: z.string().nullable(),
    }),
  ),
  containers: z.array(containerRowSchema),
  /** Projects and spaces with activity in the range the viewer may see, for the filter. */
  containerOptions: z.array(z.object({ key: z.string(), label: z.string(), type: z.enum(['project', 'space']) })),
  empty: z.enum(EMPTY_REASONS).nullable(),
});
export type DashboardSummary = z.infer<typeof dashboardSummaryResult>;

export const feedEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  source: z.enum(ACTIVITY_SOURCES),
  dataSourceId: z.string(),
  teammateId: z.string(),
  teammateName: z.string(),
  /** Their picture on an Atlassian avatar host; never sent in privacy mode. */
  teammateAvatarUrl: avatarUrlSchema.optional(),
  container: z.object({ type: z.enum(['project', 'space']), key: z.string().nullable(), name: z.string().nullable() }),
  /** Null when restricted: the event counts but its title and link stay hidden. */
  title: z.string().nullable(),
  entityKey: z.string().nullable(),
  url: z.string().nullable(),
  restricted: z.enum(['permission', 'restricted-item', 'privacy-mode']).nullable(),
  seconds: z.number().int().nonnegative().optional(),
});
export type FeedEvent = z.infer<typeof feedEventSchema>;

export const FEED_MAX_LIMIT = 100;
const cursorSchema = z.string().min(1).max(4000);

export const dashboardFeedResult = z.object({ events: z.array(feedEventSchema), nextCursor: z.string().optional() });
export type DashboardFeed = z.infer<typeof dashboardFeedResult>;

export const dashboardExportResult = z.object({
  /** CSV text; the byte order mark and the header line only in the first chunk. */
  csv: z.string(),
  rows: z.number().int().nonnegative(),
  nextCursor: z.string().optional(),
});
export type DashboardExport = z.infer<typeof dashboardExportResult>;

export const dashboardContract = {
  'dashboard/context': { payload: z.object({}).strict(), result: dashboardContextResult },
  'dashboard/summary': {
    payload: z
      .object({
        filters: dashboardFiltersSchema,
        bucket: z.enum(BUCKETS).default('day'),
        split: z.enum(SPLITS).default('kind'),
      })
      .strict(),
    result: dashboardSummaryResult,
  },
  'dashboard/feed': {
    payload: z
      .object({
        filters: dashboardFiltersSchema,
        cursor: cursorSchema.optional(),
        limit: z.number().int().min(1).max(FEED_MAX_LIMIT).default(25),
      })
      .strict(),
    result: dashboardFeedResult,
  },
  'dashboard/export': {
    payload: z
      .object({
        filters: dashboardFiltersSchema,
        cursor: cursorSchema.optional(),
        /** The viewer's IANA time zone (the browser's): times are written with its offset. */
        timeZone: z.string().max(100).refine(isTimeZone, 'expected an IANA time zone such as Europe/Paris').default('UTC'),
      })
      .strict(),
    result: dashboardExportResult,
  },
} as const;
export type DashboardKey = keyof typeof dashboardContract;
export type DashboardPayload<K extends DashboardKey> = z.input<(typeof dashboardContract)[K]['payload']>;
/** A payload once the contract parsed it (defaults filled in): what the read models take. */
export type DashboardRequest<K extends DashboardKey> = z.output<(typeof dashboardContract)[K]['payload']>;
export type DashboardResult<K extends DashboardKey> = z.infer<(typeof dashboardContract)[K]['result']>;
export const DASHBOARD_KEYS = Object.keys(dashboardContract) as DashboardKey[];
