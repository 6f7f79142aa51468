import { fail, ok, type Result } from '../shared/result';
import type { Viewer } from './viewer-permissions';

/**
 * The dashboard and the gadget answer signed-in users only: the viewer is the account that
 * invoked the resolver, and what they may see is decided later from that account.
 */
export function signedInViewer(refusal: string): (call: { accountId?: string }) => Promise<Result<Viewer>> {
  return async (call) => (call.accountId ? ok({ accountId: call.accountId }) : fail('FORBIDDEN', refusal));
}
