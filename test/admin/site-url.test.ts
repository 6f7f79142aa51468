import { normaliseSiteUrl, suggestedConfluenceUrl, type SiteUrlProblem } from '../../src/domain/site-url';

describe('normaliseSiteUrl: accepted and normalised (Jira)', () => {
  const cases: [string, string][] = [
    ['https://acme.atlassian.net', 'https://acme.atlassian.net'],
    ['https://acme.atlassian.net/', 'https://acme.atlassian.net'],
    ['https://acme.atlassian.net///', 'https://acme.atlassian.net'],
    ['  https://acme.atlassian.net  ', 'https://acme.atlassian.net'],
    ['HTTPS://ACME.Atlassian.NET', 'https://acme.atlassian.net'],
    ['acme.atlassian.net', 'https://acme.atlassian.net'],
    ['acme.atlassian.net/', 'https://acme.atlassian.net'],
    ['https://acme.atlassian.net.', 'https://acme.atlassian.net'],
    ['https://acme.atlassian.net/browse/KEY-1', 'https://acme.atlassian.net'],
    ['https://acme.atlassian.net/browse/KEY-1?focusedCommentId=10001', 'https://acme.atlassian.net'],
    ['https://acme.atlassian.net/jira/software/projects/ENG/boards/1', 'https://acme.atlassian.net'],
    ['https://acme.atlassian.net/jira/your-work', 'https://acme.atlassian.net'],
    ['https://acme.atlassian.net/secure/Dashboard.jspa', 'https://acme.atlassian.net'],
    ['https://acme.atlassian.net/wiki', 'https://acme.atlassian.net'],
    ['https://my-team-42.atlassian.net', 'https://my-team-42.atlassian.net'],
    ['https://legacy.jira.com', 'https://legacy.jira.com'],
    ['https://legacy.jira.com/browse/OLD-9', 'https://legacy.jira.com'],
  ];
  it.each(cases)('%s -> %s', (input, expected) => {
    const r = normaliseSiteUrl(input, 'jira');
    expect(r).toMatchObject({ ok: true, url: expected });
  });

  it('reports the host and the site name', () => {
    expect(normaliseSiteUrl('https://Acme.atlassian.net/browse/X-1')).toEqual({
      ok: true,
      url: 'https://acme.atlassian.net',
      host: 'acme.atlassian.net',
      siteName: 'acme',
    });
  });
});

describe('normaliseSiteUrl: accepted and normalised (Confluence)', () => {
  const cases: [string, string][] = [
    ['https://acme.atlassian.net/wiki', 'https://acme.atlassian.net/wiki'],
    ['https://acme.atlassian.net/wiki/', 'https://acme.atlassian.net/wiki'],
    ['https://acme.atlassian.net', 'https://acme.atlassian.net/wiki'],
    ['https://acme.atlassian.net/wiki/spaces/ENG/overview', 'https://acme.atlassian.net/wiki'],
    ['https://acme.atlassian.net/wiki/spaces/ENG/pages/123/Title?focusedCommentId=5', 'https://acme.atlassian.net/wiki'],
    ['acme.atlassian.net/wiki', 'https://acme.atlassian.net/wiki'],
  ];
  it.each(cases)('%s -> %s', (input, expected) => {
    expect(normaliseSiteUrl(input, 'confluence')).toMatchObject({ ok: true, url: expected });
  });

  it('refuses a Jira page path as a Confluence address', () => {
    expect(normaliseSiteUrl('https://acme.atlassian.net/browse/X-1', 'confluence')).toMatchObject({ ok: false, problem: 'bad-path' });
  });
});

describe('normaliseSiteUrl: refused with a specific reason', () => {
  const cases: [string, SiteUrlProblem, RegExp][] = [
    ['', 'empty', /Enter the site address/],
    ['   ', 'empty', /Enter the site address/],
    ['http://acme.atlassian.net', 'not-https', /https/],
    ['ftp://acme.atlassian.net', 'not-https', /https/],
    ['javascript:alert(1)', 'not-https', /https/],
    ['//acme.atlassian.net', 'not-https', /https/],
    ['https://127.0.0.1', 'ip-address', /IP address/],
    ['https://10.0.0.8/browse/X-1', 'ip-address', /IP address/],
    ['https://2130706433', 'ip-address', /IP address/],
    ['https://0x7f.1', 'ip-address', /IP address/],
    ['https://0177.0.0.1', 'ip-address', /IP address/],
    ['https://[::1]', 'ip-address', /IP address/],
    ['https://[::ffff:127.0.0.1]:443', 'ip-address', /IP address/],
    ['https://acme.atlassian.net:8443', 'port', /port/],
    ['https://acme.atlassian.net:443', 'port', /port/],
    ['acme.atlassian.net:8080', 'port', /port/],
    ['https://user:pass@acme.atlassian.net', 'userinfo', /user name or password/],
    ['https://acme.atlassian.net@evil.com', 'userinfo', /user name or password/],
    ['https://evil.com#@acme.atlassian.net', 'fragment', /#/],
    ['https://acme.atlassian.net#top', 'fragment', /#/],
    ['https://acme.atlassian.net/browse/X-1#comment', 'fragment', /#/],
    ['https://acme.atlassian.net/..', 'dot-segments', /\.\./],
    ['https://acme.atlassian.net/browse/../admin', 'dot-segments', /\.\./],
    ['https://acme.atlassian.net/%2e%2e/x', 'dot-segments', /\.\./],
    ['https://acme.atlassian.net.evil.com', 'look-alike', /not an Atlassian Cloud address/],
    ['https://atlassian.net.evil.com', 'look-alike', /not an Atlassian Cloud address/],
    ['https://acme-atlassian.net', 'look-alike', /not an Atlassian Cloud address/],
    ['https://acme.atlassian.network', 'look-alike', /not an Atlassian Cloud address/],
    ['https://acme.jira.com.evil.io', 'look-alike', /not an Atlassian Cloud address/],
    ['https://acme.atlassian.com', 'look-alike', /not an Atlassian Cloud address/],
    ['https://acme.atlаssian.net', 'international', /non-ASCII/],
    ['https://аcme.atlassian.net', 'international', /non-ASCII/],
    ['https://xn--cme-8cd.atlassian.net', 'international', /xn--/],
    ['https://jira.acme-corp.com', 'not-cloud', /Data Center and Server cannot be connected/],
    ['https://jira.internal:8080/browse/X-1', 'not-cloud', /Data Center and Server/],
    ['https://192.168.1.10:8080', 'ip-address', /IP address/],
    ['https://evil.com', 'not-cloud', /Data Center and Server/],
    ['https://atlassian.net', 'bad-site-name', /site's name/],
    ['https://a.b.atlassian.net', 'bad-site-name', /single name/],
    ['https://-acme.atlassian.net', 'bad-site-name', /hyphen/],
    ['https://acme_1.atlassian.net', 'bad-site-name', /letters a-z/],
    ['https://acme.atlassian.net/rest/api/3/myself', 'bad-path', /Remove "\/rest\/api\/3\/myself"/],
    ['https://acme.atlassian.net?x=1', 'bad-path', /\?/],
    ['https://acme.atlassian.net\\@evil.com', 'bad-characters', /backslash/],
    ['https://acme.atlassian.net/ x', 'bad-characters', /spaces/],
    ['https://acme.atlassian.net\t', 'ok' as SiteUrlProblem, /./],
    ['https://acme%2eatlassian.net', 'bad-characters', /encoded/],
  ];
  it.each(cases.filter((c) => c[1] !== ('ok' as SiteUrlProblem)))('%s -> %s', (input, expected, message) => {
    const r = normaliseSiteUrl(input, 'jira');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toBe(expected);
    expect(r.message).toMatch(message);
  });

  it('trims surrounding whitespace (a trailing tab from a paste) instead of refusing', () => {
    expect(normaliseSiteUrl('https://acme.atlassian.net\t')).toMatchObject({ ok: true, url: 'https://acme.atlassian.net' });
  });

  it('never echoes a user name or password from the input in its message', () => {
    const r = normaliseSiteUrl('https://admin:s3cret@acme.atlassian.net');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).not.toContain('s3cret');
  });

  it('only ever accepts URLs whose host ends in .atlassian.net or .jira.com, over https, with no port', () => {
    const tricky = ['https://acme.atlassian.net.', 'HTTPS://X.JIRA.COM/jira/a', 'acme.atlassian.net/wiki/', 'https://acme.atlassian.net/browse/A-1?x=y'];
    for (const t of tricky) {
      const r = normaliseSiteUrl(t);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      const u = new URL(r.url);
      expect(u.protocol).toBe('https:');
      expect(u.port).toBe('');
      expect(u.username + u.password).toBe('');
      expect(/^[a-z0-9-]+\.(atlassian\.net|jira\.com)$/.test(u.hostname)).toBe(true);
    }
  });
});

describe('suggestedConfluenceUrl', () => {
  it('suggests <jira url>/wiki for a valid Jira address', () => {
    expect(suggestedConfluenceUrl('https://acme.atlassian.net/browse/X-1')).toBe('https://acme.atlassian.net/wiki');
  });
  it('suggests nothing for an invalid one', () => {
    expect(suggestedConfluenceUrl('http://localhost')).toBeUndefined();
  });
});
