import { retryLater } from '../platform/invocation-retry';
import { getLiveCapture } from '../platform/services';
import { failureAction } from '../sync/live-event-outcome';

/** Confluence product events on the host site: pages, blog posts and comments, stored at once. */
export const confluenceEvents = async (event: unknown): Promise<unknown> => {
  try {
    return { outcome: await getLiveCapture().handleConfluenceEvent(event) };
  } catch (e) {
    const action = failureAction(e);
    console.warn(`Confluence event not stored: ${action.message}`);
    return action.retryAfterSec ? retryLater(action.retryAfterSec) : { outcome: 'failed' };
  }
};
