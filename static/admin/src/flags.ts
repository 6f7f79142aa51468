import { showFlag } from '@forge/bridge';

let next = 0;

/**
 * A success message as a Jira flag (bottom left, dismissed by itself): the Custom UI bridge's
 * showFlag, https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/showFlag/
 */
export function flagSuccess(title: string, description?: string): void {
  next += 1;
  try {
    showFlag({ id: `admin-${Date.now()}-${next}`, title, ...(description ? { description } : {}), type: 'success', appearance: 'success', isAutoDismiss: true });
  } catch {
    // Outside Jira (no bridge) there is nowhere to show it; the page itself already changed.
  }
}
