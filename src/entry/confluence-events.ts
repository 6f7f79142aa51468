import { handleLiveEvent } from '../platform/live-event-handoff';

/**
 * Confluence product events on the host site: pages, blog posts and comments, stored at once, or
 * handed to the queue when the site limits us or the 25 s run out (never dropped for that).
 */
export const confluenceEvents = (event: unknown): Promise<unknown> => handleLiveEvent('confluence', event);
