import type { Viewer } from '../../access/viewer-permissions';
import { exportEvents } from '../../insights/export-events';
import { getDashboardContext } from '../../insights/get-context';
import { getFeed } from '../../insights/get-feed';
import { getSummary } from '../../insights/get-summary';
import type { InsightsDeps } from '../../insights/viewer-session';
import { dashboardContract, type DashboardKey } from '../../shared/dashboard-contract';
import { fail, ok, type Result } from '../../shared/result';
import { isConsentRequired } from '../../platform/viewer-site-client';
import { describeError } from '../../sources/errors';

export interface DashboardCallContext {
  accountId?: string;
}

type Handler = (deps: InsightsDeps, payload: unknown, viewer: Viewer) => Promise<Result<unknown>>;

const handlers: Record<DashboardKey, Handler> = {
  'dashboard/context': (deps, payload, viewer) => {
    const p = dashboardContract['dashboard/context'].payload.safeParse(payload ?? {});
    if (!p.success) return Promise.resolve(fail('BAD_REQUEST', 'dashboard/context takes no fields'));
    return getDashboardContext(deps, viewer);
  },
  'dashboard/summary': (deps, payload, viewer) => getSummary(deps, payload as never, viewer),
  'dashboard/feed': (deps, payload, viewer) => getFeed(deps, payload as never, viewer),
  'dashboard/export': (deps, payload, viewer) => exportEvents(deps, payload as never, viewer),
};

export function isDashboardKey(key: string): key is DashboardKey {
  return Object.prototype.hasOwnProperty.call(dashboardContract, key);
}

/**
 * One dashboard resolver call: the viewer is the invoking user, every service checks access
 * and parses its payload, and the answer is parsed by the contract on the way out.
 */
export async function dispatchDashboardCall(key: string, payload: unknown, ctx: DashboardCallContext, deps: InsightsDeps): Promise<Result<unknown>> {
  if (!isDashboardKey(key)) return fail('BAD_REQUEST', `Unknown dashboard action ${key.slice(0, 60)}`);
  if (!ctx.accountId) return fail('FORBIDDEN', 'The team dashboard is only shown to signed-in Jira users.');
  try {
    const result = await handlers[key](deps, payload, { accountId: ctx.accountId });
    if (!result.ok) return result;
    const out = dashboardContract[key].result.safeParse(result.data);
    if (!out.success) return fail('INTERNAL', 'The answer did not have the expected shape: reload the page.');
    return ok(out.data);
  } catch (e) {
    if (isConsentRequired(e)) throw e;
    // Name and message only: values (titles, tokens, payloads) never reach the log.
    console.error(`dashboard ${key} failed: ${e instanceof Error ? `${e.name}: ${e.message}` : 'unknown error'}`);
    const d = describeError(e);
    return fail(d.code, d.code === 'INTERNAL' ? 'Something went wrong on our side: try again.' : `The host site did not answer: ${d.message}`);
  }
}
