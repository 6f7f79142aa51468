import type { LocalPlatform } from '../../platform';
import type { SiteFixture } from '../../site/fixture-schema';

/**
 * First-run configuration for the demo, done the way an admin would do it on the admin page:
 * through the admin resolver, as the fixture's Jira admin. The host data source is created by
 * the app on first use; the other demo site is connected with its admin's API token; the
 * fixture's teammates are added with their account id or email and the emails resolved.
 */
const ADMIN_FUNCTION = 'admin-resolver';
const ADMIN_MODULE = 'activitypulse-admin';

type Envelope = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; field?: string } };

export interface SeedReport {
  seeded: boolean;
  lines: string[];
}

function adminCall(platform: LocalPlatform, adminId: string) {
  return async <T>(key: string, payload: Record<string, unknown>): Promise<T> => {
    const out = (await platform.runtime.invokeResolver(ADMIN_FUNCTION, key, payload, {
      accountId: adminId,
      moduleKey: ADMIN_MODULE,
      extension: { type: 'jira:adminPage' },
    })) as Envelope;
    if (!out || typeof out !== 'object' || !('ok' in out)) throw new Error(`${key} answered without a Result envelope`);
    if (!out.ok) throw new Error(`${key}: ${out.error.code} ${out.error.message}${out.error.field ? ` (${out.error.field})` : ''}`);
    return out.data as T;
  };
}

/** Seeds when no teammate is configured yet; an existing configuration is left alone. */
export async function seedFirstRun(platform: LocalPlatform, host: SiteFixture, others: SiteFixture[]): Promise<SeedReport> {
  const adminId = host.roles?.admin ?? host.users.find((u) => u.groups.includes('jira-administrators'))?.accountId;
  if (!adminId) return { seeded: false, lines: ['The host fixture names no Jira admin (roles.admin): nothing seeded.'] };
  const call = adminCall(platform, adminId);
  const lines: string[] = [];

  const current = await call<{ teammates: unknown[] }>('teammates/list', {});
  if (current.teammates.length > 0) return { seeded: false, lines: [`Using the saved configuration (${current.teammates.length} teammates).`] };

  const sources = await call<{ sources: Array<{ id: string; jiraUrl: string }> }>('sources/list', {});
  lines.push(`Host site connected: ${sources.sources.map((s) => s.jiraUrl).join(', ')}`);

  for (const other of others) {
    const connector = other.users.find((u) => u.accountId === other.roles?.admin && u.apiToken) ?? other.users.find((u) => u.apiToken && u.active);
    if (!connector?.apiToken) {
      lines.push(`Not connecting ${other.name}: no user there has an API token in the fixture.`);
      continue;
    }
    const url = `https://${other.name}.atlassian.net`;
    await call('sources/save', {
      name: other.name.charAt(0).toUpperCase() + other.name.slice(1),
      enabled: true,
      jiraUrl: url,
      jiraEmail: connector.email,
      jiraToken: connector.apiToken,
      ...(other.confluence ? { confluenceUrl: `${url}/wiki` } : {}),
    });
    lines.push(`Connected ${url} with ${connector.email}'s API token.`);
  }

  type Mate = { name: string; team?: string; accountId?: string; email?: string };
  const mates: Mate[] = host.teammates ?? host.users.filter((u) => u.active && u.accountType !== 'app').map((u) => ({ name: u.displayName, accountId: u.accountId }));
  const teamIds = new Map<string, string>();
  for (const name of [...new Set(mates.map((m) => m.team).filter((t): t is string => !!t))]) {
    const { team } = await call<{ team: { id: string } }>('teams/save', { name });
    teamIds.set(name, team.id);
  }
  for (const m of mates) {
    const externalIds = [
      ...(m.accountId ? [{ dataSourceId: '*', type: 'accountId', value: m.accountId }] : []),
      ...(m.email ? [{ dataSourceId: '*', type: 'email', value: m.email }] : []),
    ];
    await call('teammates/save', {
      name: m.name,
      ...(m.team ? { teamId: teamIds.get(m.team) } : {}),
      externalIds,
    });
  }
  const resolved = await call<{ teammates: Array<{ externalIds: Array<{ type: string; resolutions?: Record<string, { status: string }> }> }> }>(
    'teammates/resolve',
    {},
  );
  const byEmail = resolved.teammates.flatMap((t) => t.externalIds.filter((x) => x.type === 'email'));
  const unresolved = byEmail.filter((x) => !Object.values(x.resolutions ?? {}).some((r) => r.status === 'resolved')).length;
  lines.push(
    `Added ${mates.length} teammates in ${teamIds.size} teams` +
      (byEmail.length ? ` (${byEmail.length - unresolved} of ${byEmail.length} emails resolved to accounts)` : '') +
      '.',
  );
  return { seeded: true, lines };
}
