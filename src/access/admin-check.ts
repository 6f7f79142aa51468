import { getUserGroups } from '../sources/jira/get-user-groups';
import type { SiteClient } from '../sources/site-client';

/**
 * Who counts as a Jira administrator for the admin page. The UI is only shown in Jira settings,
 * but a resolver can be invoked by anyone who can load the app, so every admin call asks the
 * host site again, server side, about the account Forge says is calling.
 *
 * The check reads the caller's groups as the app: Cloud grants "Administer Jira" to these
 * groups by default (site-admins, administrators, jira-admins-<site>, jira-administrators).
 */
const ADMIN_GROUPS = new Set(['jira-administrators', 'site-admins', 'administrators']);

export function isAdminGroup(name: string): boolean {
  const n = name.toLowerCase();
  return ADMIN_GROUPS.has(n) || n.startsWith('jira-admins-') || n === 'jira-admins';
}

export type AdminDecision = { admin: true } | { admin: false; reason: 'no-account' | 'not-admin' };

export async function checkJiraAdmin(hostJira: SiteClient, accountId: string | undefined): Promise<AdminDecision> {
  if (!accountId) return { admin: false, reason: 'no-account' };
  const groups = await getUserGroups(hostJira, accountId);
  return groups.some((g) => isAdminGroup(g.name)) ? { admin: true } : { admin: false, reason: 'not-admin' };
}
