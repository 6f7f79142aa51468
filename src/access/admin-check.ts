import { getMyPermissions } from '../sources/jira/get-my-permissions';
import type { SiteClient } from '../sources/site-client';

/**
 * Who may use the admin page. Jira only shows it in its settings, but a resolver can be invoked
 * by anyone who can load the app, so every admin call asks the host site again, as the caller,
 * whether they hold the global "Administer Jira" permission. Asking for the permission (rather
 * than a group name) follows however the site grants it.
 */
export type AdminDecision = { admin: true } | { admin: false; reason: 'no-account' | 'not-admin' };

export async function checkJiraAdmin(hostJiraAsCaller: SiteClient, accountId: string | undefined): Promise<AdminDecision> {
  if (!accountId) return { admin: false, reason: 'no-account' };
  const granted = await getMyPermissions(hostJiraAsCaller, ['ADMINISTER']);
  return granted.ADMINISTER ? { admin: true } : { admin: false, reason: 'not-admin' };
}
