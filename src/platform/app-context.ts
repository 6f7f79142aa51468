import { getAppContext } from '@forge/api';
import { confluenceConnectionOf, type ConfluenceConnection } from '../domain/app-installation';

/**
 * Whether this installation is connected to the host site's Confluence, from the context ARIs
 * of `getAppContext().installation` ('unknown' outside a Forge invocation or when absent).
 * https://developer.atlassian.com/platform/forge/runtime-reference/app-context-api/
 */
export function hostConfluenceConnection(): ConfluenceConnection {
  try {
    return confluenceConnectionOf(getAppContext().installation?.contexts);
  } catch {
    return 'unknown';
  }
}

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
