import type { LocalPlatform } from '../../local/platform';
import { Figures } from './helpers/figures';
import { adminOf, callAdmin, smallSite, startWorld } from './helpers/world';

/**
 * SSRF and look-alike tricks in a data source URL, each sent through the real admin resolver
 * (sources/save) as the Jira and as the Confluence address: every one is refused with the
 * specific reason, before any request leaves the app and without storing anything.
 */
const USERINFO = /user name or password/;
const IP = /IP address cannot be a data source/;
const PORT = /Remove the port number/;
const LOOK_ALIKE = /is not an Atlassian Cloud address/;
const NOT_CLOUD = /is not an Atlassian Cloud site/;
const IDN = /non-ASCII characters|Internationalised \(xn--\)/;
const SCHEME = /https:\/\//;
const FRAGMENT = /part after "#"/;
const DOTS = /"\." or "\.\." path segments/;
const CHARS = /encoded characters|spaces, backslashes or control characters/;
const SITE_NAME = /single name before|letters a-z, digits and hyphens/;

const TRICKS: Array<[string, string, RegExp]> = [
  ['userinfo before the host', 'https://acme.atlassian.net@evil.com', USERINFO],
  ['user and password', 'https://user:pass@acme.atlassian.net', USERINFO],
  ['password that looks like a port', 'https://acme.atlassian.net:pw@evil.com', USERINFO],
  ['backslash before @', 'https://evil.com\\@acme.atlassian.net', CHARS],
  ['fragment hiding the real host', 'https://evil.com#@acme.atlassian.net', FRAGMENT],
  ['IPv4 dotted', 'https://127.0.0.1', IP],
  ['IPv4 decimal', 'https://2130706433', IP],
  ['IPv4 octal', 'https://017700000001', IP],
  ['IPv4 octal dotted', 'https://0177.0.0.1', IP],
  ['IPv4 hex', 'https://0x7f000001', IP],
  ['IPv4 mixed hex dotted', 'https://0x7f.0.0.1', IP],
  ['IPv4 short form', 'https://127.1', IP],
  ['cloud metadata address', 'https://169.254.169.254/latest/meta-data', IP],
  ['IPv6 loopback', 'https://[::1]', IP],
  ['IPv4-mapped IPv6', 'https://[::ffff:127.0.0.1]', IP],
  ['IPv4-mapped IPv6 in hex', 'https://[::ffff:7f00:1]', IP],
  ['IPv6 private with port', 'https://[fd00::1]:443', IP],
  ['non-standard port', 'https://acme.atlassian.net:8443', PORT],
  ['explicit 443', 'https://acme.atlassian.net:443', PORT],
  ['port 80', 'https://acme.atlassian.net:80', PORT],
  ['cloud suffix then attacker domain', 'https://atlassian.net.evil.com', LOOK_ALIKE],
  ['site then attacker domain', 'https://acme.atlassian.net.evil.com', LOOK_ALIKE],
  ['jira.com then attacker domain', 'https://acme.jira.com.evil.com', LOOK_ALIKE],
  ['hyphen instead of dot', 'https://acme-atlassian.net', LOOK_ALIKE],
  ['missing dot', 'https://acmeatlassian.net', LOOK_ALIKE],
  ['longer top-level domain', 'https://acme.atlassian.network', LOOK_ALIKE],
  ['site name only in the path', 'https://evil.com/acme.atlassian.net', NOT_CLOUD],
  ['site name only in the query', 'https://evil.com?.atlassian.net', NOT_CLOUD],
  ['localhost', 'https://localhost', NOT_CLOUD],
  ['Cyrillic a in atlassian', 'https://acme.\u0430tlassian.net', IDN],
  ['Cyrillic a in the site name', 'https://\u0430cme.atlassian.net', IDN],
  ['full-width letters', 'https://\uff41\uff43\uff4d\uff45.atlassian.net', IDN],
  ['punycode site name', 'https://xn--cme-8cd.atlassian.net', IDN],
  ['punycode domain', 'https://acme.xn--tlassian-3ng.net', IDN],
  ['plain http', 'http://acme.atlassian.net', SCHEME],
  ['ftp', 'ftp://acme.atlassian.net', SCHEME],
  ['file', 'file:///etc/passwd', SCHEME],
  ['javascript', 'javascript:alert(1)', SCHEME],
  ['scheme-relative', '//acme.atlassian.net', SCHEME],
  ['fragment', 'https://acme.atlassian.net#frag', FRAGMENT],
  ['hash route', 'https://acme.atlassian.net/#/x', FRAGMENT],
  ['dot-dot path', 'https://acme.atlassian.net/../../evil', DOTS],
  ['dot-dot inside the wiki path', 'https://acme.atlassian.net/wiki/../admin', DOTS],
  ['encoded dot-dot', 'https://acme.atlassian.net/%2e%2e/x', DOTS],
  ['encoded dot in the host', 'https://acme%2eatlassian.net', CHARS],
  ['encoded NUL in the host', 'https://acme.atlassian.net%00.evil.com', CHARS],
  ['tab in the address', 'https://acme.atlassian.net\tevil', CHARS],
  ['second URL after a space', 'https://acme.atlassian.net/ https://evil.com', CHARS],
  ['two labels before the suffix', 'https://a.b.atlassian.net', SITE_NAME],
  ['empty label', 'https://a..atlassian.net', SITE_NAME],
  ['leading hyphen', 'https://-acme.atlassian.net', SITE_NAME],
];

const figures = new Figures('data source URL tricks');

describe('data source URL: SSRF and look-alike tricks through the admin resolver', () => {
  let p: LocalPlatform;
  let admin: string;
  beforeAll(async () => {
    const site = smallSite(51, { name: 'acme' });
    p = await startWorld([site], 51, { scaledLimits: false });
    admin = adminOf(site);
    // The host source is created on first use; do that before comparing KVS.
    await callAdmin(p, admin, 'sources/list', {});
  });
  afterAll(async () => {
    await p.close();
    figures.print();
  });

  it.each(TRICKS)('refuses %s (%s)', async (_label, url, reason) => {
    const before = JSON.stringify(p.kvs.dump());
    p.sites!.resetLog();
    const asJira = await callAdmin(p, admin, 'sources/save', { name: 'Trick', enabled: true, jiraUrl: url, jiraEmail: 'someone@acme.test', jiraToken: 'ATATT3xFfGF0-trick-token-0000000001' });
    expect(asJira).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'jiraUrl', message: expect.stringMatching(reason) } });
    const asWiki = await callAdmin(p, admin, 'sources/save', { name: 'Trick', enabled: true, jiraUrl: 'https://globex.atlassian.net', jiraEmail: 'someone@acme.test', jiraToken: 'ATATT3xFfGF0-trick-token-0000000001', confluenceUrl: url });
    expect(asWiki).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'confluenceUrl', message: expect.stringMatching(reason) } });
    // Nothing stored, and no request reached any site but the admin check on the host.
    expect(JSON.stringify(p.kvs.dump())).toBe(before);
    expect(p.sites!.requestLog.filter((r) => r.site !== 'acme')).toEqual([]);
  });

  it('still accepts the genuine address (the table is not refusing everything)', async () => {
    const ok = await callAdmin(p, admin, 'sources/save', { name: 'Globex', enabled: true, jiraUrl: 'https://globex.atlassian.net/browse/X-1', jiraEmail: 'someone@acme.test', jiraToken: 'ATATT3xFfGF0-trick-token-0000000001' });
    expect(ok).toMatchObject({ ok: true, data: { source: { jiraUrl: 'https://globex.atlassian.net' } } });
    figures.add('tricks refused (as Jira and as Confluence URL)', `${TRICKS.length} × 2, each with its specific reason`).add('genuine address accepted', 'https://globex.atlassian.net');
  });
});
