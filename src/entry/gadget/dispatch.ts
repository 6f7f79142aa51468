import type { InsightsDeps } from '../../insights/viewer-session';
import { gadgetContract, type GadgetResolverKey } from '../../shared/gadget-contract';
import { fail, ok, type Result } from '../../shared/result';
import { describeError } from '../../sources/errors';
import { getGadgetOptions } from './gadget-options';
import { getGadgetSummary } from './gadget-summary';

export interface GadgetCallContext {
  accountId?: string;
}

const handlers: Record<GadgetResolverKey, (deps: InsightsDeps, payload: unknown, viewer: { accountId: string }) => Promise<Result<unknown>>> = {
  'gadget/summary': getGadgetSummary,
  'gadget/options': getGadgetOptions,
};

export function isGadgetKey(key: string): key is GadgetResolverKey {
  return Object.prototype.hasOwnProperty.call(gadgetContract, key);
}

/**
 * One gadget resolver call. The viewer is the invoking user; the answer is parsed by the
 * contract on the way out, which drops any field it does not name, so only counts leave.
 */
export async function dispatchGadgetCall(key: string, payload: unknown, ctx: GadgetCallContext, deps: InsightsDeps): Promise<Result<unknown>> {
  if (!isGadgetKey(key)) return fail('BAD_REQUEST', `Unknown gadget action ${key.slice(0, 60)}`);
  if (!ctx.accountId) return fail('FORBIDDEN', 'Team activity is only shown to signed-in Jira users.');
  try {
    const result = await handlers[key](deps, payload, { accountId: ctx.accountId });
    if (!result.ok) return result;
    const out = gadgetContract[key].result.safeParse(result.data);
    if (!out.success) return fail('INTERNAL', 'The answer did not have the expected shape: reload the dashboard.');
    return ok(out.data);
  } catch (e) {
    // Our errors carry field paths and plain words, never stored values or tokens.
    console.error(`gadget ${key} failed: ${e instanceof Error ? `${e.name}: ${e.message}` : 'unknown error'}`);
    const d = describeError(e);
    return fail(d.code, d.code === 'INTERNAL' ? 'Something went wrong on our side: try again.' : d.message);
  }
}
