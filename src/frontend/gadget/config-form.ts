import { ACTIVITY_KINDS } from '../../shared/activity-kinds';
import {
  DEFAULT_GADGET_CONFIG,
  GADGET_REFRESH_MINUTES,
  gadgetConfigSchema,
  gadgetTargetSchema,
  type GadgetConfig,
  type GadgetOptions,
  type GadgetTarget,
} from '../../shared/gadget-contract';

/**
 * The edit form works on strings (the Select's option value, the radio value, checkbox values);
 * this module turns them into a GadgetConfig through the contract's zod schema, so the form and
 * the resolver reject the same things with the same words.
 */
export interface ConfigFormState {
  /** '' (nothing chosen), 'all', 'team:<id>' or 'teammate:<id>'. */
  target: string;
  rangeDays: string;
  kinds: string[];
  autoRefresh: boolean;
}
export type ConfigField = 'target' | 'rangeDays' | 'kinds' | 'refresh';
export type ConfigFormErrors = Partial<Record<ConfigField, string>>;

export function targetValue(t: GadgetTarget): string {
  return t.type === 'all' ? 'all' : `${t.type}:${t.id}`;
}

function parseTargetValue(v: string): unknown {
  if (v === 'all') return { type: 'all' };
  const m = /^(team|teammate):(.*)$/.exec(v);
  return m ? { type: m[1], id: m[2] } : undefined;
}

/** The target an option value names, or undefined when it names none. */
export function parseTarget(v: string): GadgetTarget | undefined {
  const parsed = gadgetTargetSchema.safeParse(parseTargetValue(v));
  return parsed.success ? parsed.data : undefined;
}

export function formToConfig(
  state: ConfigFormState,
  options?: GadgetOptions,
): { ok: true; config: GadgetConfig } | { ok: false; errors: ConfigFormErrors } {
  // Keep the canonical kind order so equal choices give equal configurations.
  const kinds = ACTIVITY_KINDS.filter((k) => state.kinds.includes(k));
  const unknownKinds = state.kinds.filter((k) => !(ACTIVITY_KINDS as readonly string[]).includes(k));
  const parsed = gadgetConfigSchema.safeParse({
    target: parseTargetValue(state.target),
    rangeDays: Number(state.rangeDays),
    kinds: unknownKinds.length ? state.kinds : kinds,
    ...(state.autoRefresh ? { refresh: GADGET_REFRESH_MINUTES } : {}),
  });
  const errors: ConfigFormErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as ConfigField;
      errors[field] ??= issue.message;
    }
  }
  if (parsed.success && options) {
    const missing = missingTargetMessage(parsed.data.target, options);
    if (missing) errors.target = missing;
  }
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, config: parsed.data };
}

/** Names the team or teammate that no longer exists, so the user knows what to fix. */
export function missingTargetMessage(target: GadgetTarget, options: GadgetOptions): string | undefined {
  if (target.type === 'team' && !options.teams.some((t) => t.id === target.id)) {
    return 'The team chosen before no longer exists. Choose another one.';
  }
  if (target.type === 'teammate' && !options.teammates.some((t) => t.id === target.id)) {
    return 'The teammate chosen before is no longer tracked. Choose another one.';
  }
  return undefined;
}

/**
 * The form's starting point from what Jira stored. A stored value that no longer parses keeps
 * its valid parts and says which were reset, instead of silently showing defaults.
 */
export function configToForm(stored: unknown): { state: ConfigFormState; notice?: string } {
  const base = DEFAULT_GADGET_CONFIG;
  if (stored === undefined || stored === null || (typeof stored === 'object' && Object.keys(stored).length === 0)) {
    return { state: { target: '', rangeDays: String(base.rangeDays), kinds: [...base.kinds], autoRefresh: false } };
  }
  const full = gadgetConfigSchema.safeParse(stored);
  if (full.success) {
    const c = full.data;
    return {
      state: { target: targetValue(c.target), rangeDays: String(c.rangeDays), kinds: [...c.kinds], autoRefresh: c.refresh !== undefined },
    };
  }
  const raw = (typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const part = gadgetConfigSchema.shape;
  const target = part.target.safeParse(raw.target);
  const range = part.rangeDays.safeParse(raw.rangeDays);
  const kinds = part.kinds.safeParse(raw.kinds);
  const refresh = part.refresh.safeParse(raw.refresh);
  const reset = [
    target.success ? '' : 'who',
    range.success ? '' : 'range',
    kinds.success ? '' : 'kinds',
    refresh.success ? '' : 'refresh',
  ].filter(Boolean);
  return {
    state: {
      target: target.success ? targetValue(target.data) : '',
      rangeDays: String(range.success ? range.data : base.rangeDays),
      kinds: kinds.success ? [...kinds.data] : [...base.kinds],
      autoRefresh: refresh.success && refresh.data !== undefined,
    },
    notice: `The saved settings were not valid (${reset.join(', ')}); check them and save again.`,
  };
}

