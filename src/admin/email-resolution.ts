import { avatarFor, pictureOf, type TeammateAvatar } from '../domain/avatar';
import type { DataSource, EmailResolution, ExternalId, Teammate } from '../domain/config';
import { searchUsers } from '../sources/jira/search-users';
import type { SiteClient } from '../sources/site-client';
import type { AdminDeps } from './deps';
import { hostPicture, type SitePicture, withAvatar } from './teammate-avatar';

/** What one lookup found: the resolution kept on the email, and the person's picture when it resolved. */
export interface EmailLookup {
  resolution: EmailResolution;
  avatar?: TeammateAvatar;
}

/**
 * Turns an email into an account ID on one site with the user search, exact match only.
 * A user who hides their email is still returned to a person's exact query, but without the
 * address, so we cannot prove it is them: the admin is told to map by account ID instead.
 * The app itself (the host site) cannot read or search hidden emails at all
 * (https://developer.atlassian.com/cloud/jira/platform/profile-visibility/): there an email
 * that finds nobody is most likely hidden, and "not found" would send the admin looking for a
 * typo. Both cases point to the people search.
 */
export async function resolveEmail(client: SiteClient, email: string, at: string, opts: { asApp?: boolean } = {}): Promise<EmailLookup> {
  const wanted = email.trim().toLowerCase();
  try {
    const users = (await searchUsers(client, wanted, { maxResults: 20 })).filter((u) => u.accountType !== 'app' && u.active !== false);
    const exact = users.filter((u) => u.emailAddress?.toLowerCase() === wanted);
    if (exact.length === 1) {
      const u = exact[0];
      const avatar = avatarFor(u.accountId, pictureOf(u.avatarUrls));
      return {
        resolution: { status: 'resolved', accountId: u.accountId, ...(u.displayName ? { displayName: u.displayName } : {}), checkedAt: at },
        ...(avatar ? { avatar } : {}),
      };
    }
    if (exact.length === 0 && users.some((u) => !u.emailAddress)) return { resolution: { status: 'hidden', checkedAt: at } };
    if (exact.length === 0 && opts.asApp) return { resolution: { status: 'hidden', checkedAt: at } };
    return { resolution: { status: 'not-found', checkedAt: at } };
  } catch {
    return { resolution: { status: 'error', checkedAt: at } };
  }
}

/** The enabled sources an external id applies to. */
function sourcesFor(x: ExternalId, sources: DataSource[]): DataSource[] {
  return sources.filter((s) => s.enabled && (x.dataSourceId === '*' || x.dataSourceId === s.id));
}

/**
 * Resolves every email identity of the teammates on each source it applies to. `force` re-checks
 * emails that already resolved; otherwise only new or unresolved ones are looked up. A lookup
 * that resolves on the host site also brings the person's picture (hostPicture), which replaces
 * the stored one; a teammate keeps a stored picture only while its account is still theirs.
 */
export async function resolveTeammateEmails(deps: AdminDeps, teammates: Teammate[], sources: DataSource[], force: boolean): Promise<Teammate[]> {
  const at = deps.now().toISOString();
  const out: Teammate[] = [];
  for (const t of teammates) {
    const externalIds: ExternalId[] = [];
    const pictures: SitePicture[] = [];
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
        if (!client) continue;
        const found = await resolveEmail(client, x.value, at, { asApp: s.kind === 'host' });
        // A lookup that failed proves nothing: a forced re-check keeps what the email resolved to.
        resolutions[s.id] = found.resolution.status === 'error' && prev?.status === 'resolved' ? prev : found.resolution;
        if (found.avatar) pictures.push({ host: s.kind === 'host', avatar: found.avatar });
      }
      externalIds.push({ ...x, resolutions });
    }
    out.push(withAvatar({ ...t, externalIds }, hostPicture(pictures)));
  }
  return out;
}
