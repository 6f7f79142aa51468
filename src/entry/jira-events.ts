import { retryLater } from '../platform/invocation-retry';
import { getLiveCapture } from '../platform/services';
import { failureAction } from '../sync/live-event-outcome';

/** Jira product events on the host site: issue, comment and worklog changes, stored at once. */
export const jiraEvents = async (event: unknown): Promise<unknown> => {
  try {
    return { outcome: await getLiveCapture().handleJiraEvent(event) };
  } catch (e) {
    const action = failureAction(e);
    console.warn(`Jira event not stored: ${action.message}`);
    return action.retryAfterSec ? retryLater(action.retryAfterSec) : { outcome: 'failed' };
  }
};
