import { handleLiveEvent } from '../platform/live-event-handoff';

/**
 * Jira product events on the host site: issue, comment and worklog changes, stored at once, or
 * handed to the queue when the site limits us or the 25 s run out (never dropped for that).
 */
export const jiraEvents = (event: unknown): Promise<unknown> => handleLiveEvent('jira', event);
