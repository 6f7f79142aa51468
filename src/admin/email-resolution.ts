import type { DataSource, EmailResolution, ExternalId, Teammate } from '../domain/config';
import { searchUsers } from '../sources/jira/search-users';
import type { SiteClient } from '../sources/site-client';
import type { AdminDeps } from './deps';

/**
 * Turns an email into an account ID on one site with the user search, exact match only.
 * A user who hides their email is still returned to a person's exact query, but without the
 * address, so we cannot prove it is them: the admin is told to map by account ID instead.
 * The app itself (the host site) cannot read or search hidden emails at all
 * (https://developer.atlassian.com/cloud/jira/platform/profile-visibility/): there an email
 * that finds nobody is most likely hidden, and "not found" would send the admin looking for a
 * typo. Both cases point to the people search.
 */
export async function resolveEmail(client: SiteClient, email: string, at: string, opts: { asApp?: boolean } = {}): Promise<EmailResolution> {
  const wanted = email.trim().toLowerCase();
  try {
    const users = (await searchUsers(client, wanted, { maxResults: 20 })).filter((u) => u.accountType !== 'app' && u.active !== false);
    const exact = users.filter((u) => u.emailAddress?.toLowerCase() === wanted);
    if (exact.length === 1) {
      const u = exact[0];
      return { status: 'resolved', accountId: u.accountId, ...(u.displayName ? { displayName: u.displayName } : {}), checkedAt: at };
    }
    if (exact.length === 0 && users.some((u) => !u.emailAddress)) return { status: 'hidden', checkedAt: at };
    if (exact.length === 0 && opts.asApp) return { status: 'hidden', checkedAt: at };
    return { status: 'not-found', checkedAt: at };
  } catch {
    return { status: 'error', checkedAt: at };
  }
}

/** The enabled sources an external id applies to. */
function sourcesFor(x: ExternalId, sources: DataSource[]): DataSource[] {
  return sources.filter((s) => s.enabled && (x.dataSourceId === '*' || x.dataSourceId === s.id));
}

/**
 * Resolves every email identity of the teammates on each source it applies to. `force` re-checks
 * emails that already resolved; otherwise only new or unresolved ones are looked up.
 */
export async function resolveTeammateEmails(deps: AdminDeps, teammates: Teammate[], sources: DataSource[], force: boolean): Promise<Teammate[]> {
  const at = deps.now().toISOString();
  const out: Teammate[] = [];
  for (const t of teammates) {
    const externalIds: ExternalId[] = [];
    for (const x of t.externalIds) {
      if (x.type !== 'email') {
        externalIds.push(x);
        continue;
      }
      const resolutions: Record<string, EmailResolution> = {};
      for (const s of sourcesFor(x, sources)) {
        const prev = x.resolutions?.[s.id];
        if (prev && prev.status === 'resolved' && !force) {
          resolutions[s.id] = prev;
          continue;
        }
        const client = deps.clientFor(s, 'jira');
        if (client) resolutions[s.id] = await resolveEmail(client, x.value, at, { asApp: s.kind === 'host' });
      }
      externalIds.push({ ...x, resolutions });
    }
    out.push({ ...t, externalIds });
  }
  return out;
}
