import { crossReferenceProblems, parseSiteFixture, siteFixtureSchema } from '../../local/site/fixture-schema';
import { createSiteEmulator, siteNameFromHost } from '../../local/site/emulator';
import { jiraOnlySite, smallSite } from './fixtures/small-site';

/** The fixture format: zod shape, cross-reference checks, and how sites are named. */

describe('site fixture schema', () => {
  it('accepts the hand-made fixtures', () => {
    expect(() => parseSiteFixture(smallSite())).not.toThrow();
    expect(() => parseSiteFixture(jiraOnlySite())).not.toThrow();
  });

  it('accepts Jira-style +hhmm offsets and rejects zone-less or invalid instants', () => {
    const f = smallSite();
    f.issues[0].worklogs[0].started = '2026-11-02T09:00:00.000-0500';
    expect(siteFixtureSchema.safeParse(f).success).toBe(true);
    f.issues[0].created = '2026-11-02 09:00';
    const r = siteFixtureSchema.safeParse(f);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(['issues', 0, 'created']);
    f.issues[0].created = '2026-13-45T09:00:00Z';
    expect(siteFixtureSchema.safeParse(f).success).toBe(false);
  });

  it('reports dangling references and misnumbered versions', () => {
    const f = smallSite();
    f.issues[0].assigneeId = 'ghost';
    f.issues[1].statusId = '404';
    f.contents[0].versions[1].number = 5;
    f.users[1].groups.push('no-such-group');
    f.issues.push({ ...f.issues[2] });
    const problems = crossReferenceProblems(siteFixtureSchema.parse(f));
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/ALPHA-1 assignee names unknown user ghost/),
      expect.stringMatching(/ALPHA-2 has unknown status 404/),
      expect.stringMatching(/content 70001 versions must be numbered/),
      expect.stringMatching(/u-bob is in unknown group no-such-group/),
      expect.stringMatching(/duplicate issue id 10102/),
    ]));
    expect(() => parseSiteFixture(f)).toThrow(/inconsistent/);
  });

  it('refuses to start with an inconsistent fixture or two sites of one name', async () => {
    const bad = smallSite();
    bad.issues[0].projectId = 'nope';
    await expect(createSiteEmulator({ sites: [bad] })).rejects.toThrow(/unknown project nope/);
    await expect(createSiteEmulator({ sites: [smallSite(), smallSite()] })).rejects.toThrow(/two sites are named acme/);
  });

  it('maps forwarded hosts to site names', () => {
    expect(siteNameFromHost('acme.atlassian.net')).toBe('acme');
    expect(siteNameFromHost('ACME.Atlassian.net:443')).toBe('acme');
    expect(siteNameFromHost('legacy.jira.com')).toBe('legacy');
    expect(siteNameFromHost('acme.atlassian.net.evil.test')).toBeUndefined();
    expect(siteNameFromHost(undefined)).toBeUndefined();
  });
});
