import type { ConfluenceConnection } from '../domain/app-installation';

export type { ConfluenceConnection };

/**
 * What the admin page (and a run's note) says while Confluence on the host site is not
 * connected to the app's installation: what it means, and how an admin connects it.
 */
export const CONFLUENCE_NOT_CONNECTED = {
  title: 'Confluence is not connected to this app',
  meaning:
    'ActivityPulse is installed in Jira. Confluence on this site is an optional part of the installation that a site admin connects separately. ' +
    'Until then its pages, blog posts and comments are not collected; Jira activity is. Syncs skip Confluence without errors, and nothing stored is deleted.',
  howTo:
    'To connect it, a site admin opens Atlassian Administration (admin.atlassian.com) → Apps → Connected apps for this site, chooses ActivityPulse → View app details, ' +
    'and connects Confluence, approving its read-only permissions. The next sync then reads Confluence, from the start of the history window the first time.',
  /** A skipped stream's note in the run history. */
  runNote: 'Confluence is not connected to this app (a site admin connects it in Connected apps)',
} as const;
