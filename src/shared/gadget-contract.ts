import { z } from 'zod';
import { ACTIVITY_KINDS, activityKindSchema } from '../domain/activity';
import type { DashboardFilters } from './dashboard-contract';
import { resultErrorSchema } from './result';

/**
 * The Jira dashboard gadget's contract: its stored configuration (what the edit view submits
 * and Jira hands back as `extension.gadgetConfiguration`) and the resolver keys the UI Kit
 * views call. The gadget only ever receives counts: no titles, links or container names, so
 * nothing a viewer may not browse can leak through a dashboard.
 */
export const GADGET_RANGE_DAYS = [7, 14, 30] as const;
export type GadgetRangeDays = (typeof GADGET_RANGE_DAYS)[number];
export const GADGET_REFRESH_MINUTES = 15;

const idSchema = z
  .string({ error: 'Choose a team or a teammate.' })
  .regex(/^[a-z0-9-]{1,40}$/, { error: 'The chosen team or teammate id is not valid.' });

export const gadgetTargetSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('all') }),
    z.object({ type: z.literal('team'), id: idSchema }),
    z.object({ type: z.literal('teammate'), id: idSchema }),
  ],
  { error: 'Choose everyone, a team or a teammate.' },
);
export type GadgetTarget = z.infer<typeof gadgetTargetSchema>;

export const gadgetConfigSchema = z.object({
  target: gadgetTargetSchema,
  rangeDays: z.literal(GADGET_RANGE_DAYS, { error: 'Choose a range of 7, 14 or 30 days.' }),
  kinds: z
    .array(activityKindSchema, { error: 'Choose at least one kind of activity.' })
    .min(1, { error: 'Choose at least one kind of activity.' })
    .refine((ks) => new Set(ks).size === ks.length, { error: 'Each kind of activity may be chosen once.' }),
  /**
   * Jira's own gadgets offer to refresh every 15 minutes; Jira reads this field of the submitted
   * settings as the interval in minutes. Absent: no automatic refresh.
   */
  refresh: z.literal(GADGET_REFRESH_MINUTES, { error: `Automatic refresh runs every ${GADGET_REFRESH_MINUTES} minutes or not at all.` }).optional(),
});
export type GadgetConfig = z.infer<typeof gadgetConfigSchema>;

export const DEFAULT_GADGET_CONFIG: GadgetConfig = {
  target: { type: 'all' },
  rangeDays: 7,
  kinds: [...ACTIVITY_KINDS],
};

const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const countSchema = z.number().int().nonnegative();
/** A count in the chosen range and in the range of equal length just before it. */
const periodCountSchema = z.object({ count: countSchema, previous: countSchema });
export type PeriodCount = z.infer<typeof periodCountSchema>;

export const gadgetSummarySchema = z.object({
  target: z.object({
    type: z.enum(['all', 'team', 'teammate']),
    id: z.string().optional(),
    name: z.string(),
    memberCount: countSchema,
  }),
  /** Closed UTC day ranges: the chosen one ends today. */
  range: z.object({ from: daySchema, to: daySchema, days: z.number().int().positive() }),
  previousRange: z.object({ from: daySchema, to: daySchema }),
  /** The kinds shown, in ACTIVITY_KINDS order. */
  kinds: z.array(activityKindSchema),
  totals: z.array(periodCountSchema.extend({ kind: activityKindSchema })),
  total: periodCountSchema,
  /** Every day of the range × every kind shown, zeros included, days ascending. */
  perDay: z.array(z.object({ day: daySchema, kind: activityKindSchema, count: countSchema })),
  bySource: z.object({ jira: periodCountSchema, confluence: periodCountSchema }),
  /** Time logged in the range through worklogs (0 when worklogs are not shown). */
  worklogSeconds: countSchema,
});
export type GadgetSummary = z.infer<typeof gadgetSummarySchema>;

export const gadgetOptionsSchema = z.object({
  teams: z.array(z.object({ id: z.string(), name: z.string(), memberCount: countSchema })),
  teammates: z.array(z.object({ id: z.string(), name: z.string(), teamId: z.string().optional() })),
});
export type GadgetOptions = z.infer<typeof gadgetOptionsSchema>;

export const gadgetContract = {
  'gadget/summary': {
    payload: z.object({ config: gadgetConfigSchema }),
    result: gadgetSummarySchema,
  },
  /** Teams and teammates for the edit form's picker. */
  'gadget/options': {
    payload: z.object({}),
    result: gadgetOptionsSchema,
  },
} as const;
export type GadgetResolverKey = keyof typeof gadgetContract;

/** The Result envelope around a contract result, for parsing what comes back over the bridge. */
export function gadgetResultSchema<K extends GadgetResolverKey>(key: K) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data: gadgetContract[key].result }),
    z.object({ ok: z.literal(false), error: resultErrorSchema }),
  ]);
}

/** The manifest module key of the full dashboard the gadget links to. */
export const DASHBOARD_MODULE_KEY = 'activitypulse-dashboard';

/**
 * The dashboard filters showing what a gadget shows for the days [from, to]. The dashboard
 * filters on one kind or one source at most: a single kind, or every kind of one product, is
 * carried over; any other choice of kinds opens the dashboard on all kinds.
 */
export function gadgetDashboardFilters(config: GadgetConfig, days: { from: string; to: string }): DashboardFilters {
  const t = config.target;
  const filters: DashboardFilters = { range: 'custom', from: days.from, to: days.to };
  if (t.type === 'team') filters.teamId = t.id;
  if (t.type === 'teammate') filters.teammateId = t.id;
  const kinds = new Set(config.kinds);
  if (kinds.size === 1) filters.kind = config.kinds[0];
  else if (kinds.size < ACTIVITY_KINDS.length) {
    for (const source of ['jira', 'confluence'] as const) {
      const ofSource = ACTIVITY_KINDS.filter((k) => k.startsWith(`${source}.`));
      if (kinds.size === ofSource.length && ofSource.every((k) => kinds.has(k))) filters.source = source;
    }
  }
  return filters;
}
