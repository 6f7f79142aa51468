import { checkJiraAdmin } from '../../access/admin-check';
import type { AdminDeps } from '../../admin/deps';
import type { CallContext } from '../../platform/contract-resolver';
import { isConsentRequired } from '../../platform/viewer-site-client';
import { fail, ok, type Result } from '../../shared/result';
import { describeError } from '../../sources/errors';

/** An admin call's caller once the host site confirmed they administer Jira. */
export interface AdminCaller {
  accountId: string;
  siteUrl?: string;
}

/** Every admin call asks the host site again, as the caller, whether they administer Jira. */
export async function requireJiraAdmin(call: CallContext, deps: AdminDeps): Promise<Result<AdminCaller>> {
  try {
    const decision = await checkJiraAdmin(deps.hostJiraAsCaller(), call.accountId);
    if (decision.admin && call.accountId) return ok({ accountId: call.accountId, ...(call.siteUrl ? { siteUrl: call.siteUrl } : {}) });
    return fail('FORBIDDEN', 'Only Jira administrators can change ActivityPulse settings. Ask a Jira administrator for access.');
  } catch (e) {
    // The caller has not yet allowed the app to ask as them: Forge asks them when this reaches it.
    if (isConsentRequired(e)) throw e;
    const d = describeError(e);
    return fail(d.code, `Could not check that you are a Jira administrator: ${d.message}`);
  }
}
