import { readFileSync, statSync } from 'node:fs';
import { parseSiteFixture, type SiteFixture } from '../../local/site/fixture-schema';
import { DEMO_HOST_FILE, DEMO_NOW, DEMO_OTHER_FILE, generateDemoSites, loadDemoSites } from '../../local/fixtures/demo';
import { latestInstant, shiftFixture, shiftFixtureToNow } from '../../local/fixtures/shift';
import { expectedActivities } from '../oracle/expected-activities';
import { teammateMappingFromFixture } from '../oracle/teammate-mapping';

const DAY = 86_400_000;

/** Every instant in a fixture, in document order, by a walk that knows nothing of shift.ts. */
function instants(f: SiteFixture): string[] {
  const out: string[] = [];
  for (const i of f.issues) {
    out.push(i.created, i.updated);
    if (i.resolutiondate) out.push(i.resolutiondate);
    if (i.deletedAt) out.push(i.deletedAt);
    for (const h of i.changelog) out.push(h.created);
    for (const c of i.comments) out.push(c.created, c.updated, ...(c.deletedAt ? [c.deletedAt] : []));
    for (const w of i.worklogs) out.push(w.started, w.created, w.updated, ...(w.deletedAt ? [w.deletedAt] : []));
  }
  for (const c of f.contents) {
    out.push(c.createdAt, ...c.versions.map((v) => v.createdAt));
    for (const cm of c.comments) out.push(...cm.versions.map((v) => v.createdAt));
  }
  return out;
}

describe('committed demo sites', () => {
  const host = parseSiteFixture(JSON.parse(readFileSync(DEMO_HOST_FILE, 'utf8')));
  const other = parseSiteFixture(JSON.parse(readFileSync(DEMO_OTHER_FILE, 'utf8')));

  it('are exactly what the generator makes from the demo options (regenerate with npm run demo:generate -- --demo)', () => {
    const fresh = generateDemoSites();
    expect(readFileSync(DEMO_HOST_FILE, 'utf8')).toBe(`${JSON.stringify(fresh.host)}\n`);
    expect(readFileSync(DEMO_OTHER_FILE, 'utf8')).toBe(`${JSON.stringify(fresh.other)}\n`);
  });

  it('have the planned shape and stay small enough to commit', () => {
    expect(statSync(DEMO_HOST_FILE).size).toBeLessThan(2 * 1024 * 1024);
    expect(host.users.filter((u) => u.accountType !== 'app')).toHaveLength(12);
    expect(host.projects).toHaveLength(4);
    expect(host.projects.filter((p) => p.browseGroups)).toHaveLength(1);
    expect(host.spaces).toHaveLength(3);
    expect(host.spaces.filter((s) => s.viewGroups)).toHaveLength(1);
    expect(host.issues).toHaveLength(300);
    expect(latestInstant(host)).toBeLessThanOrEqual(Date.parse(DEMO_NOW));
    expect(latestInstant(host)).toBeGreaterThan(Date.parse(DEMO_NOW) - DAY);
    expect(Math.min(...instants(host).map(Date.parse))).toBeGreaterThanOrEqual(Date.parse(DEMO_NOW) - 90 * DAY);
  });

  it('share some account ids between the two sites, and the other site has one API token user', () => {
    const hostIds = new Set(host.users.map((u) => u.accountId));
    const shared = other.users.filter((u) => hostIds.has(u.accountId));
    expect(shared.length).toBeGreaterThanOrEqual(2);
    expect(other.users.length).toBeGreaterThan(shared.length);
    for (const u of shared) expect(u.email).toBe(host.users.find((h) => h.accountId === u.accountId)!.email);
    const withToken = other.users.filter((u) => u.apiToken);
    expect(withToken).toHaveLength(1);
    expect(hostIds.has(withToken[0].accountId)).toBe(true);
    expect(host.users.some((u) => u.apiToken)).toBe(false);
    expect(other.name).not.toBe(host.name);
    // host teammates mapped by account id or email act on the other site as well
    const mapping = teammateMappingFromFixture(other, { teammates: host.teammates });
    const acts = expectedActivities(other, { dataSourceId: 'other', siteUrl: 'https://globex.atlassian.net', mapping, since: 0, until: Date.parse(DEMO_NOW) + 1 });
    expect(new Set(acts.map((a) => a.actorAccountId)).size).toBeGreaterThanOrEqual(2);
  });

  it('load shifted to the present by whole weeks, together, so weekends stay on weekends', () => {
    // a Friday morning: the demo history ends on a Wednesday, so a whole-day shift would move weekdays
    const now = Date.parse('2027-03-05T07:15:00.000Z');
    const loaded = loadDemoSites(now);
    const delta = Date.parse(loaded.host.issues[0].created) - Date.parse(host.issues[0].created);
    expect(delta % (7 * DAY)).toBe(0);
    expect(latestInstant(loaded.host)).toBeLessThanOrEqual(now);
    expect(latestInstant(loaded.host)).toBeGreaterThan(now - 7 * DAY);
    // the local weekday as written (date part of each instant, in its own offset) never changes
    const weekday = (s: string) => new Date(`${s.slice(0, 10)}T00:00:00.000Z`).getUTCDay();
    for (const [before, after] of [[host, loaded.host], [other, loaded.other]] as const) {
      const a = instants(before).map(weekday);
      expect(instants(after).map(weekday)).toEqual(a);
    }
    expect(Date.parse(loaded.other.issues[0].created) - Date.parse(other.issues[0].created)).toBe(delta);
  });
});

describe('shifting a fixture in time', () => {
  const f = generateDemoSites().other;

  it('moves every instant by the same delta and keeps each offset as written', () => {
    const before = instants(f);
    const shifted = shiftFixture(f, 3 * DAY + 3_600_000);
    const after = instants(shifted);
    expect(after).toHaveLength(before.length);
    after.forEach((s, n) => {
      expect(Date.parse(s) - Date.parse(before[n])).toBe(3 * DAY + 3_600_000);
      expect(s.slice(23)).toBe(before[n].slice(23));
    });
    expect(parseSiteFixture(shifted)).toEqual(shifted);
    expect(instants(f)).toEqual(before); // the input is untouched
  });

  it('keeps a worklog at the same local wall-clock time when shifted by whole days', () => {
    const w = f.issues.flatMap((i) => i.worklogs)[0];
    const moved = shiftFixtureToNow(f, Date.parse(DEMO_NOW) + 10 * DAY + 5_000).issues.flatMap((i) => i.worklogs)[0];
    expect(moved.started.slice(10)).toBe(w.started.slice(10));
  });

  it('shifts the oracle result with it: same ids, every at moved by the delta', () => {
    const mapping = teammateMappingFromFixture(f);
    const delta = 7 * DAY;
    const since = Date.parse(DEMO_NOW) - 30 * DAY;
    const until = Date.parse(DEMO_NOW) - 2 * DAY;
    const a = expectedActivities(f, { dataSourceId: 'x', siteUrl: 'https://globex.atlassian.net', mapping, since, until });
    const b = expectedActivities(shiftFixture(f, delta), { dataSourceId: 'x', siteUrl: 'https://globex.atlassian.net', mapping, since: since + delta, until: until + delta });
    expect(a.length).toBeGreaterThan(10);
    expect(b.map((x) => x.id)).toEqual(a.map((x) => x.id));
    expect(b.map((x) => Date.parse(x.at) - delta)).toEqual(a.map((x) => Date.parse(x.at)));
  });
});
