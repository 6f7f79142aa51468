import { showFlag } from '@forge/bridge';

let next = 0;

/**
 * A success message as a Jira flag, closed after 8 seconds or by the user: the bridge's showFlag,
 * https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/showFlag
 * No `appearance`: it would make the flag bold, and bold flags have no dismiss button.
 */
export function flagSuccess(title: string, description?: string): void {
  next += 1;
  try {
    showFlag({ id: `admin-${Date.now()}-${next}`, title, ...(description ? { description } : {}), type: 'success', isAutoDismiss: true });
  } catch {
    // Outside Jira (no bridge) there is nowhere to show it; the page itself already changed.
  }
}
