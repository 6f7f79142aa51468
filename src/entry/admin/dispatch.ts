import type { z } from 'zod';
import { checkJiraAdmin } from '../../access/admin-check';
import type { AdminDeps } from '../../admin/deps';
import { adminContract, type AdminKey } from '../../shared/admin-contract';
import { fail, ok, type Result } from '../../shared/result';
import { describeError } from '../../sources/errors';
import { adminHandlers } from './handlers';

export interface AdminCallContext {
  accountId?: string;
  siteUrl?: string;
}

function isAdminKey(key: string): key is AdminKey {
  return Object.prototype.hasOwnProperty.call(adminContract, key);
}

/** The first zod issue as a field error the form can show next to the field. */
function payloadError(error: z.ZodError): Result<never> {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  let message = issue?.message ?? 'The request is not valid';
  if (issue?.code === 'unrecognized_keys') message = `Unexpected field(s): ${issue.keys.join(', ')}`;
  else if (issue?.code === 'too_big' || issue?.code === 'too_small') message = `${field ?? 'Value'}: ${issue.message}`;
  return fail('BAD_REQUEST', message, field);
}

/**
 * One admin resolver call: the caller must be a Jira administrator (asked of the host site on
 * every call), the payload must match the contract, and the result is parsed by the contract's
 * result schema on the way out, which drops any field the contract does not name.
 */
export async function dispatchAdminCall(key: string, payload: unknown, ctx: AdminCallContext, deps: AdminDeps): Promise<Result<unknown>> {
  if (!isAdminKey(key)) return fail('BAD_REQUEST', `Unknown admin action ${key.slice(0, 60)}`);
  try {
    const decision = await checkJiraAdmin(deps.hostJiraAsCaller(), ctx.accountId);
    if (!decision.admin) {
      return fail('FORBIDDEN', 'Only Jira administrators can change ActivityPulse settings. Ask a Jira administrator for access.');
    }
  } catch (e) {
    const d = describeError(e);
    return fail(d.code === 'INTERNAL' ? 'INTERNAL' : d.code, `Could not check that you are a Jira administrator: ${d.message}`);
  }
  const contract = adminContract[key];
  const parsed = contract.payload.safeParse(payload ?? {});
  if (!parsed.success) return payloadError(parsed.error);
  try {
    const handler = adminHandlers[key] as (p: unknown, c: AdminCallContext, d: AdminDeps) => Promise<Result<unknown>>;
    const result = await handler(parsed.data, ctx, deps);
    if (!result.ok) return result;
    const out = contract.result.safeParse(result.data);
    if (!out.success) return fail('INTERNAL', 'The answer did not have the expected shape: try again or reload the page.');
    return ok(out.data);
  } catch (e) {
    const d = describeError(e);
    return fail(d.code, d.code === 'INTERNAL' ? 'Something went wrong on our side: try again.' : d.message);
  }
}
