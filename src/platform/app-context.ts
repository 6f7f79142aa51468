import { getAppContext } from '@forge/api';

/**
 * Milliseconds left in this invocation, or undefined outside a Forge invocation (a CLI run),
 * where the caller's own budget applies.
 */
export function remainingInvocationMs(): number | undefined {
  try {
    const ms = getAppContext().invocationRemainingTimeInMillis();
    return typeof ms === 'number' && Number.isFinite(ms) ? ms : undefined;
  } catch {
    return undefined;
  }
}
