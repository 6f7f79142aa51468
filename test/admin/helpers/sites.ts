import type { SiteFixture } from '../../../local/site/fixture-schema';
import { acmeAdmin, acmeSite, acmeUser } from '../../helpers/acme-site';

/**
 * Two small sites for the admin tests: the host (acme) and another Cloud site (globex) reached
 * with an API token. Tokens are long enough to pass the shape check.
 */
export const GLOBEX_TOKEN = 'ATATT3xFfGF0-globex-owner-token-0001';

const adf = (text: string) => ({ type: 'doc' as const, version: 1 as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

export function hostSite(): SiteFixture {
  return acmeSite({
    cloudId: 'aaaaaaaa-0000-4000-8000-000000000001',
    users: [
      acmeAdmin(),
      acmeUser('u-lead', 'Lee Lead', ['jira-users', 'team-leads']),
      acmeUser('u-rita', 'Rita Reviewer', ['jira-users', 'team-leads']),
      acmeUser('u-hugo', 'Hugo Hidden', ['jira-users'], { emailVisible: false }),
      acmeUser('u-bot', 'Build Bot', ['team-leads'], { email: 'bot@acme.test', emailVisible: false, accountType: 'app' }),
    ],
    roles: { admin: 'u-admin', teamLead: 'u-lead', noAccess: 'u-hugo' },
  });
}

/** Another Cloud site: its owner has a token; one member hides their email. */
export function globexSite(now = new Date(), opts: { confluence?: boolean } = {}): SiteFixture {
  const day = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
  return {
    name: 'globex',
    cloudId: 'bbbbbbbb-0000-4000-8000-000000000002',
    confluence: opts.confluence ?? false,
    users: [
      { accountId: 'g-owner', displayName: 'Gina Owner', email: 'gina@globex.test', emailVisible: true, active: true, groups: ['jira-administrators'], apiToken: GLOBEX_TOKEN },
      { accountId: 'g-sam', displayName: 'Sam Visible', email: 'sam@globex.test', emailVisible: true, active: true, groups: ['jira-users'] },
      { accountId: 'g-pia', displayName: 'Pia Private', email: 'pia@globex.test', emailVisible: false, active: true, groups: ['jira-users'] },
    ],
    groups: [
      { name: 'jira-administrators', groupId: 'gg-admins' },
      { name: 'jira-users', groupId: 'gg-users' },
    ],
    statuses: [
      { id: '1', name: 'To Do', categoryKey: 'new' },
      { id: '3', name: 'Done', categoryKey: 'done' },
    ],
    projects: [{ id: '20000', key: 'GLX', name: 'Globex' }],
    issues: [1, 2, 3].map((n) => ({
      id: String(20100 + n), key: `GLX-${n}`, projectId: '20000', summary: `Globex work ${n}`, issueTypeName: 'Task', statusId: '1',
      resolution: null, resolutiondate: null, creatorId: 'g-sam', reporterId: 'g-sam', assigneeId: 'g-sam',
      created: day(n + 1), updated: day(n),
      changelog: [],
      comments: [{ id: String(21000 + n), authorId: 'g-sam', updateAuthorId: 'g-sam', created: day(n), updated: day(n), body: adf(`Note ${n}`) }],
      worklogs: [],
    })),
    spaces: [],
    contents: [],
  } as SiteFixture;
}

/** What the admin page sends to connect Globex by its owner's API token; `over` changes or adds fields. */
export function globexSource(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'Globex', enabled: true, jiraUrl: 'https://globex.atlassian.net', jiraEmail: 'gina@globex.test', jiraToken: GLOBEX_TOKEN, ...over };
}
