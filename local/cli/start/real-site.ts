import type { HostSiteInfo } from '../../host/pages';

/**
 * Real-site mode of `npm start`: the app's host-site calls go to a real Atlassian Cloud site
 * with an API token from the environment. The token is only ever held in memory.
 */
export interface RealSiteEnv {
  url: string;
  email: string;
  token: string;
  /** Tests only: send the requests here with `x-forwarded-host` (the site emulator's token mode). */
  via?: string;
}

const VARS = ['ACTIVITYPULSE_SITE_URL', 'ACTIVITYPULSE_EMAIL', 'ACTIVITYPULSE_API_TOKEN'] as const;

/** The three variables, all set; undefined when none is; an error naming the missing ones otherwise. */
export function realSiteFromEnv(env: NodeJS.ProcessEnv = process.env): RealSiteEnv | undefined {
  const set = VARS.filter((v) => (env[v] ?? '').trim() !== '');
  if (set.length === 0) return undefined;
  if (set.length < VARS.length) throw new Error(`Real-site mode needs all of ${VARS.join(', ')}; missing ${VARS.filter((v) => !set.includes(v)).join(', ')}`);
  const raw = (env.ACTIVITYPULSE_SITE_URL ?? '').trim();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ACTIVITYPULSE_SITE_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:' || !/^[a-z0-9][a-z0-9-]*\.(atlassian\.net|jira\.com)$/i.test(url.hostname) || url.port || url.username) {
    throw new Error(`ACTIVITYPULSE_SITE_URL must be https://<name>.atlassian.net (or .jira.com), got ${raw}`);
  }
  return { url: url.origin, email: (env.ACTIVITYPULSE_EMAIL ?? '').trim(), token: (env.ACTIVITYPULSE_API_TOKEN ?? '').trim() };
}

async function getJson(site: RealSiteEnv, path: string, auth: boolean): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (auth) headers.authorization = `Basic ${Buffer.from(`${site.email}:${site.token}`).toString('base64')}`;
  if (site.via) headers['x-forwarded-host'] = new URL(site.url).host;
  const res = await fetch(`${site.via ?? site.url}${path}`, { headers });
  if (res.status === 401) throw new Error(`${site.url} refused the email and API token (401): check ACTIVITYPULSE_EMAIL and ACTIVITYPULSE_API_TOKEN`);
  if (!res.ok) throw new Error(`${site.url}${path} answered ${res.status}`);
  return res.json();
}

/** Who the token belongs to and the site's cloud id: the one user of the local pages. */
export async function describeRealSite(site: RealSiteEnv): Promise<HostSiteInfo> {
  const me = (await getJson(site, '/rest/api/3/myself', true)) as { accountId?: string; displayName?: string; emailAddress?: string; timeZone?: string };
  if (!me.accountId) throw new Error(`${site.url}/rest/api/3/myself did not name an account`);
  let cloudId = 'unknown';
  try {
    cloudId = String(((await getJson(site, '/_edge/tenant_info', false)) as { cloudId?: string }).cloudId ?? cloudId);
  } catch {
    // Only shown in the page context; the app works without it.
  }
  const host = new URL(site.url).hostname;
  return {
    name: host.split('.')[0] ?? host,
    url: site.url,
    cloudId,
    users: [{ accountId: me.accountId, displayName: me.displayName ?? me.accountId, email: me.emailAddress ?? site.email, timeZone: me.timeZone }],
  };
}
