/**
 * Validation and normalisation of the Atlassian Cloud site URLs an admin types or pastes.
 *
 * The app's manifest only allows egress to `*.atlassian.net` and `*.jira.com`, and a token sent to
 * any other host would leak, so the rule is strict: `https://<one label>.atlassian.net` (or
 * `.jira.com`) and nothing else in the authority. The input is checked as text before any URL
 * parser sees it, because parsers "helpfully" rewrite exactly the tricks we must refuse
 * (`0x7f.1` becomes an IP, `\` becomes `/`, Unicode becomes punycode).
 */
export type SiteUrlProblem =
  | 'empty'
  | 'bad-characters'
  | 'not-https'
  | 'userinfo'
  | 'port'
  | 'ip-address'
  | 'international'
  | 'fragment'
  | 'dot-segments'
  | 'not-cloud'
  | 'look-alike'
  | 'bad-site-name'
  | 'bad-path';

export type SiteUrlResult =
  | { ok: true; url: string; host: string; siteName: string }
  | { ok: false; problem: SiteUrlProblem; message: string };

const CLOUD_SUFFIXES = ['.atlassian.net', '.jira.com'] as const;
const SITE_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Paths of Jira pages people copy from the address bar; everything after the site is dropped. */
const JIRA_PAGE_PATHS = ['/browse/', '/jira/', '/secure/', '/projects/', '/issues/', '/plugins/', '/people/', '/wiki/', '/servicedesk/'];
const DC_HINT =
  'ActivityPulse can only reach Atlassian Cloud sites (https://<name>.atlassian.net). Jira Data Center and Server cannot be connected: a Forge app may only call the domains it declared when it was deployed.';

function problem(p: SiteUrlProblem, message: string): SiteUrlResult {
  return { ok: false, problem: p, message };
}

function looksLikeIp(host: string): boolean {
  if (host.startsWith('[')) return true;
  // Every label numeric (decimal, octal or hex): 127.0.0.1, 0x7f.1, 2130706433, 017700000001.
  return host.split('.').filter(Boolean).every((l) => /^(0x[0-9a-f]*|[0-9]+)$/i.test(l));
}

/** Splits `scheme://authority/rest` by hand so nothing is reinterpreted. */
function split(raw: string): { scheme: string; authority: string; rest: string } | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i.exec(raw);
  if (!m) return undefined;
  return { scheme: m[1].toLowerCase(), authority: m[2], rest: m[3] };
}

function checkAuthority(authority: string): SiteUrlResult | { host: string; siteName: string } {
  if (authority.includes('@')) {
    return problem('userinfo', 'Remove the user name or password before the site name: enter only https://<name>.atlassian.net.');
  }
  if (authority.includes('%')) return problem('bad-characters', 'The site name may not contain encoded characters (%).');
  let host = authority.toLowerCase();
  if (host.startsWith('[')) return problem('ip-address', `An IP address cannot be a data source. ${DC_HINT}`);
  if (host.includes(':')) {
    // A port usually means a self-hosted Jira: say that first, it is the real obstacle.
    const name = host.slice(0, host.indexOf(':'));
    if (looksLikeIp(name)) return problem('ip-address', `An IP address cannot be a data source. ${DC_HINT}`);
    if (!CLOUD_SUFFIXES.some((s) => name.endsWith(s))) return problem('not-cloud', `${name} is not an Atlassian Cloud site. ${DC_HINT}`);
    return problem('port', 'Remove the port number: Atlassian Cloud sites are only reached on the standard HTTPS port.');
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (!host) return problem('empty', 'Enter the site address, for example https://your-team.atlassian.net.');
  if (looksLikeIp(host)) return problem('ip-address', `An IP address cannot be a data source. ${DC_HINT}`);
  if (host.split('.').some((l) => l.startsWith('xn--'))) {
    return problem('international', 'Internationalised (xn--) site names are not accepted: type the site name in plain letters a-z, digits and hyphens.');
  }
  if (host === 'atlassian.net' || host === 'jira.com') {
    return problem('bad-site-name', `Add your site's name: https://<name>.${host}.`);
  }
  const suffix = CLOUD_SUFFIXES.find((s) => host.endsWith(s));
  if (!suffix) {
    if (host.includes('atlassian') || /(^|[.-])jira\.com([.-]|$)/.test(host)) {
      return problem('look-alike', `${host} is not an Atlassian Cloud address: the site must end in .atlassian.net or .jira.com.`);
    }
    return problem('not-cloud', `${host} is not an Atlassian Cloud site. ${DC_HINT}`);
  }
  const siteName = host.slice(0, -suffix.length);
  if (siteName.includes('.')) {
    return problem('bad-site-name', `Use the site address itself (https://<name>${suffix}), with a single name before ${suffix}.`);
  }
  if (!SITE_LABEL.test(siteName)) {
    return problem('bad-site-name', 'The site name may only contain letters a-z, digits and hyphens, and may not start or end with a hyphen.');
  }
  return { host, siteName };
}

function trimPath(rest: string, product: 'jira' | 'confluence'): SiteUrlResult | { path: string } {
  const q = rest.indexOf('?');
  const path = (q === -1 ? rest : rest.slice(0, q)).replace(/\/+$/, '');
  const hasQuery = q !== -1;
  if (product === 'confluence') {
    if (path === '' || path === '/wiki' || path.startsWith('/wiki/')) return { path: '/wiki' };
    return problem('bad-path', 'The Confluence address is the site address followed by /wiki, for example https://your-team.atlassian.net/wiki.');
  }
  if (path === '' && !hasQuery) return { path: '' };
  if (path === '/wiki') return { path: '' };
  if (JIRA_PAGE_PATHS.some((p) => (path + '/').startsWith(p))) return { path: '' };
  if (path === '' && hasQuery) return problem('bad-path', 'Remove the part after "?": enter only https://<name>.atlassian.net.');
  return problem('bad-path', `Remove "${path}" after the site name: enter only https://<name>.atlassian.net.`);
}

/**
 * Returns the canonical base URL: `https://<name>.atlassian.net` for Jira and
 * `https://<name>.atlassian.net/wiki` for Confluence, or a message saying what to fix.
 */
export function normaliseSiteUrl(input: string, product: 'jira' | 'confluence' = 'jira'): SiteUrlResult {
  const raw = input.trim();
  if (!raw) return problem('empty', 'Enter the site address, for example https://your-team.atlassian.net.');
  // Whitespace, control characters and backslashes let a URL mean different things to different parsers.
  if (/[\s\\\u0000-\u001f\u007f]/.test(raw)) {
    return problem('bad-characters', 'The address may not contain spaces, backslashes or control characters.');
  }
  // Non-ASCII in the address is how homograph look-alikes (Cyrillic "а") get in.
  if (/[^\x21-\x7e]/.test(raw)) {
    return problem('international', 'The address contains non-ASCII characters, which can make a look-alike site name. Type it in plain letters a-z, digits and hyphens.');
  }
  if (raw.startsWith('//')) return problem('not-https', 'The address must start with https://, for example https://your-team.atlassian.net.');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : /^[a-z][a-z0-9+.-]*:/i.test(raw) && !/^[^:]+:\d/.test(raw) ? raw : `https://${raw}`;
  const parts = split(withScheme);
  if (!parts) return problem('not-https', 'The address must start with https://, for example https://your-team.atlassian.net.');
  if (parts.scheme !== 'https') {
    return problem('not-https', `Use https:// (not ${parts.scheme}://): Atlassian Cloud sites are only reached over HTTPS.`);
  }
  if (parts.rest.includes('#')) return problem('fragment', 'Remove the part after "#": enter only the site address.');
  const authority = checkAuthority(parts.authority);
  if ('ok' in authority) return authority;
  if (/(^|\/)\.\.?(\/|$|\?)/.test(parts.rest) || /%2e/i.test(parts.rest)) {
    return problem('dot-segments', 'The address may not contain "." or ".." path segments.');
  }
  const path = trimPath(parts.rest, product);
  if ('ok' in path) return path;
  return { ok: true, url: `https://${authority.host}${path.path}`, host: authority.host, siteName: authority.siteName };
}

/** The Confluence address a Jira site most likely has: `<jira url>/wiki`. */
export function suggestedConfluenceUrl(jiraUrl: string): string | undefined {
  const r = normaliseSiteUrl(jiraUrl, 'jira');
  return r.ok ? `${r.url}/wiki` : undefined;
}
