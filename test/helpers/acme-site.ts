import type { FixtureGroup, FixtureUser, SiteFixture } from '../../local/site/fixture-schema';

/**
 * The host site ("acme") the admin, dashboard and gadget tests run against: Confluence on, the
 * Jira administrators / users / team-leads groups, two statuses and the ENG project. Each suite
 * brings its own people and any extra groups, projects and spaces.
 */
export const ACME_GROUPS: FixtureGroup[] = [
  { name: 'jira-administrators', groupId: 'g-admins' },
  { name: 'jira-users', groupId: 'g-users' },
  { name: 'team-leads', groupId: 'g-leads' },
];

/** A person on acme: <first name>@acme.test, visible and active unless `over` says otherwise. */
export function acmeUser(accountId: string, displayName: string, groups: string[], over: Partial<FixtureUser> = {}): FixtureUser {
  const first = displayName.split(' ')[0].toLowerCase();
  return { accountId, displayName, email: `${first}@acme.test`, emailVisible: true, active: true, groups, ...over };
}

/** The Jira administrator every suite signs in as. */
export const acmeAdmin = (): FixtureUser => acmeUser('u-admin', 'Ada Admin', ['jira-administrators', 'jira-users']);

export function acmeSite(opts: {
  cloudId: string;
  users: FixtureUser[];
  extraGroups?: FixtureGroup[];
  projects?: SiteFixture['projects'];
  spaces?: SiteFixture['spaces'];
  roles?: SiteFixture['roles'];
}): SiteFixture {
  return {
    name: 'acme',
    cloudId: opts.cloudId,
    confluence: true,
    users: opts.users,
    groups: [...ACME_GROUPS, ...(opts.extraGroups ?? [])],
    statuses: [
      { id: '1', name: 'To Do', categoryKey: 'new' },
      { id: '3', name: 'Done', categoryKey: 'done' },
    ],
    projects: opts.projects ?? [{ id: '10000', key: 'ENG', name: 'Engineering' }],
    issues: [],
    spaces: opts.spaces ?? [],
    contents: [],
    ...(opts.roles ? { roles: opts.roles } : {}),
  };
}
