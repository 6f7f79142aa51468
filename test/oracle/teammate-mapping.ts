import type { SiteFixture, Teammate } from '../../local/site/fixture-schema';

/** A teammate id from a display name, in the shape teammate ids take (lower-case, dashes). */
export function teammateIdFromName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'teammate';
}

/**
 * accountId → teammateId on one site for a list of teammates (default: the fixture's own
 * `teammates`, or all its users when absent; pass the host's list to map another site): by account id, or
 * by an exact, case-insensitive email match on the site's users. Emails are matched whether or
 * not the user hides them, as an exact-email search does. A teammate whose email matches nobody
 * on the site maps nothing there.
 */
export function teammateMappingFromFixture(
  fixture: SiteFixture,
  opts: { teammates?: Teammate[]; idOf?: (name: string) => string } = {},
): Map<string, string> {
  const idOf = opts.idOf ?? teammateIdFromName;
  const byEmail = new Map(fixture.users.map((u) => [u.email.toLowerCase(), u.accountId]));
  const teammates: Teammate[] = opts.teammates ?? fixture.teammates ?? fixture.users.map((u) => ({ name: u.displayName, accountId: u.accountId }));
  const out = new Map<string, string>();
  for (const t of teammates) {
    const accountId = t.accountId ?? (t.email ? byEmail.get(t.email.toLowerCase()) : undefined);
    if (accountId) out.set(accountId, idOf(t.name));
  }
  return out;
}
