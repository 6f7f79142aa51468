import type { TeammatesDoc } from '../../../src/domain/config';
import type { ConfigRepository } from '../../../src/store/config-repository';
import type { SiteFixture } from '../../site/fixture-schema';

/** A teammate id from a display name: lower-case words joined by dashes, made unique. */
function idFrom(name: string, taken: Set<string>): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 36) || 'teammate';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * What seeding reads of a fixture: its name, users and teammates, and whether it has
 * Confluence (a site emulator in another thread sends just these).
 */
export type SeedSource = Pick<SiteFixture, 'name' | 'users' | 'teammates'> & { hasConfluence: boolean };

export function seedSourceOf(fixture: SiteFixture): SeedSource {
  return { name: fixture.name, users: fixture.users, teammates: fixture.teammates, hasConfluence: Boolean(fixture.confluence) };
}

/**
 * The fixture's teammates with the account each maps to: its `teammates` (by account id, or by
 * an email that matches a user there; one matching nobody is left out), or every user.
 */
export function fixtureTeammates(fixture: Pick<SiteFixture, 'users' | 'teammates'>): { name: string; accountId: string }[] {
  const byEmail = new Map(fixture.users.map((u) => [u.email.toLowerCase(), u.accountId]));
  const wanted: { name: string; accountId?: string; email?: string }[] = fixture.teammates ?? fixture.users.map((u) => ({ name: u.displayName, accountId: u.accountId }));
  return wanted.flatMap((t) => {
    const accountId = t.accountId ?? (t.email ? byEmail.get(t.email.toLowerCase()) : undefined);
    return accountId ? [{ name: t.name, accountId }] : [];
  });
}

/**
 * Configures the host data source and teammates for a fixture, as an admin would: the fixture's
 * `teammates` (by account id, or by an email that matches a user there), or every user.
 */
export async function seedFromFixture(
  config: ConfigRepository,
  site: SiteFixture | SeedSource,
  opts: { mappedAt: string },
): Promise<{ mapping: Map<string, string>; doc: TeammatesDoc }> {
  const fixture = 'hasConfluence' in site ? site : seedSourceOf(site);
  const siteUrl = `https://${fixture.name}.atlassian.net`;
  await config.ensureHostDataSource(async () => ({ siteUrl, hasConfluence: fixture.hasConfluence }));
  const host = await config.getDataSource('host');
  if (host && !fixture.hasConfluence && host.confluenceUrl) {
    const withoutConfluence = { ...host };
    delete withoutConfluence.confluenceUrl;
    await config.saveDataSource(withoutConfluence);
  }
  const taken = new Set<string>();
  const mapping = new Map<string, string>();
  const teammates: TeammatesDoc['teammates'] = [];
  for (const { name, accountId } of fixtureTeammates(fixture)) {
    const id = idFrom(name, taken);
    mapping.set(accountId, id);
    teammates.push({ id, name, externalIds: [{ dataSourceId: '*', type: 'accountId', value: accountId }], mappedAt: opts.mappedAt });
  }
  const doc = await config.saveTeammates({ teammates, teams: [] });
  return { mapping, doc };
}
