import type { LocalPlatform } from '../../local/platform';
import { seedFromFixture } from '../../local/cli/sync/seed';
import { startTestPlatform } from '../helpers/test-platform';
import { diffActivities } from '../oracle/diff-activities';
import { expectedActivities } from '../oracle/expected-activities';
import { connectOtherSite, DAY, inApp, siteEndingNow, stored, sync } from './helpers';

jest.setTimeout(240_000);

/**
 * Another site cannot be asked who may see what, so the sync records per activity whether its
 * issue has a security level or its page a read restriction (its own or an ancestor's), as the
 * oracle computes it from the fixture; the host records 'unknown' (each viewer is asked there).
 */
describe('restrictions recorded by the sync', () => {
  const host = siteEndingNow({ seed: 71, issues: 20, pages: 8, users: 4 });
  const other = siteEndingNow({ seed: 72, name: 'globex', issues: 30, pages: 16, users: 4, apiTokenUsers: 1 });
  const connector = other.users.find((u) => u.apiToken)!;
  // Levels and restrictions the connecting account is part of, so its token still reads them.
  other.securityLevels = [{ id: '10500', name: 'Staff', groups: [], accountIds: [connector.accountId] }];
  const secured = other.issues.filter((i) => !i.deletedAt).slice(0, 5);
  for (const i of secured) i.securityLevelId = '10500';
  const parents = new Set(other.contents.map((c) => c.parentId).filter((id): id is string => id !== undefined));
  const restrictedPage = other.contents.find((c) => c.status === 'current' && parents.has(c.id))!;
  restrictedPage.readRestrictions = { groups: [], accountIds: [connector.accountId] };
  let platform: LocalPlatform;
  const mapping = new Map<string, string>();

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [host, other] });
    await inApp(platform, async (d) => {
      const everyone = { ...host, teammates: [...host.users, ...other.users].map((u) => ({ name: u.displayName, accountId: u.accountId })) };
      const seeded = await seedFromFixture(d.config, everyone, { mappedAt: new Date(Date.now() - DAY).toISOString() });
      for (const [k, v] of seeded.mapping) mapping.set(k, v);
      await connectOtherSite(d, other, connector);
    });
  });
  afterAll(() => platform.close());

  it('stores restricted true/false per item on another site, equal to the oracle, and unknown on the host', async () => {
    const runs = await sync(platform, { reason: 'scheduled' });
    expect(runs.map((r) => [r.dataSourceId, r.status]).sort()).toEqual([['globex', 'succeeded'], ['host', 'succeeded']]);
    const untilMs = Date.now();
    const expected = expectedActivities(other, { dataSourceId: 'globex', siteUrl: 'https://globex.atlassian.net', mapping, since: untilMs - 90 * DAY, until: untilMs });
    const actual = await stored(platform, 'globex');
    const diff = diffActivities(expected, actual);
    if (!diff.equal) throw new Error(diff.report(10));
    const byEntity = (ids: Set<string>) => actual.filter((a) => ids.has(a.entity.id));
    const securedActs = byEntity(new Set(secured.map((i) => i.id)));
    const children = new Set(other.contents.filter((c) => c.parentId === restrictedPage.id).map((c) => c.id));
    const pageActs = byEntity(new Set([restrictedPage.id, ...children]));
    expect(securedActs.length).toBeGreaterThan(0);
    expect(pageActs.length).toBeGreaterThan(0);
    expect([...securedActs, ...pageActs].every((a) => a.restricted === true)).toBe(true);
    expect(actual.some((a) => a.restricted === false)).toBe(true);
    expect((await stored(platform, 'host')).every((a) => a.restricted === 'unknown')).toBe(true);
  });

  it('records a security level set later, at the next incremental sync (Jira bumps the issue)', async () => {
    const site = platform.sites!.site('globex');
    const target = site.fixture.issues.find((i) => !i.deletedAt && i.securityLevelId === undefined)!;
    const before = (await stored(platform, 'globex')).filter((a) => a.entity.id === target.id);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((a) => a.restricted === false)).toBe(true);
    site.editIssue(target.key, { authorId: null, items: [{ field: 'Security Level', fieldtype: 'jira', fieldId: 'security', from: null, fromString: null, to: '10500', toString: 'Staff' }] });
    await sync(platform, { reason: 'scheduled' });
    const after = (await stored(platform, 'globex')).filter((a) => a.entity.id === target.id);
    expect(after.map((a) => a.id).sort()).toEqual(before.map((a) => a.id).sort());
    expect(after.every((a) => a.restricted === true)).toBe(true);
  });
});
