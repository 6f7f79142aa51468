import type { LocalPlatform } from '../../local/platform';
import type { SiteFixture } from '../../local/site/fixture-schema';
import { diffActivities } from '../oracle/diff-activities';
import { expectedActivities } from '../oracle/expected-activities';
import { recountRollups, rollupCells } from '../oracle/recount-rollups';
import { Figures } from './helpers/figures';
import { driveSyncToDone } from './helpers/sync-driver';
import { adminOf, DASHBOARD_FN, installScaledTime, mustAdmin, storedActivities, storedRollups, syncedSmallWorld } from './helpers/world';

/**
 * Personal data reporting on the local platform: the daily trigger reports every account id
 * the app stores; once Atlassian says an account was closed, what the app kept about it is
 * erased (activities, their share of the rollups, the teammate entry, cached permissions),
 * and later syncs do not bring it back.
 */
const figures = new Figures('personal data reporting and erasure');

describe('personal data reporting', () => {
  const clock = installScaledTime({ scaledLimits: false });
  let p: LocalPlatform;
  let site: SiteFixture;
  let mapping: Map<string, string>;

  beforeAll(async () => {
    ({ p, site, mapping } = await syncedSmallWorld(71, clock));
  }, 120_000);

  afterAll(async () => {
    await p?.close();
    clock.restore();
    figures.print();
  });

  const oracle = (without: string[] = []) => {
    const m = new Map([...mapping].filter(([acc]) => !without.includes(acc)));
    return expectedActivities(site, { dataSourceId: 'host', siteUrl: 'https://acme.atlassian.net', mapping: m, since: 0, until: Date.now() });
  };

  it('reports every stored account and erases nothing while none is closed', async () => {
    const before = JSON.stringify(p.kvs.dump().entities);
    const out = await p.runtime.runScheduledTrigger('privacy-schedule');
    expect(out.record.status).toBe('ok');
    const reported = new Set(p.runtime.personalData.reported.map((a) => a.accountId));
    const stored = new Set(storedActivities(p).map((a) => a.actorAccountId));
    for (const acc of [...mapping.keys(), ...stored]) expect(reported.has(acc)).toBe(true);
    for (const a of p.runtime.personalData.reported) expect(Number.isNaN(Date.parse(a.updatedAt))).toBe(false);
    expect(JSON.stringify(p.kvs.dump().entities)).toBe(before);
    expect(out.record.console.map((c) => c.text).join('\n')).not.toMatch(/712020:|[0-9a-f]{24}/);
    figures.add('accounts reported', `${reported.size} (${mapping.size} teammates, ${stored.size} activity actors)`);
  });

  it("erases a closed account's activities, rollup counts, teammate entry and cached permissions", async () => {
    const byActor = new Map<string, number>();
    for (const a of storedActivities(p)) byActor.set(a.actorAccountId, (byActor.get(a.actorAccountId) ?? 0) + 1);
    const victim = [...byActor].sort((a, b) => b[1] - a[1])[0][0];
    const admin = adminOf(site);
    // The victim also looked at the dashboard: the app cached what they may see.
    await p.runtime.invokeResolver(DASHBOARD_FN, 'dashboard/context', {}, { accountId: victim, extension: { type: 'jira:globalPage' } });
    expect(Object.keys(p.kvs.dump().plain).some((k) => k.includes(victim))).toBe(true);

    const teammatesBefore = (await mustAdmin<{ teammates: unknown[] }>(p, admin, 'teammates/list', {})).teammates.length;
    p.runtime.personalData.closeAccount(victim);
    const out = await p.runtime.runScheduledTrigger('privacy-schedule');
    expect([out.record.status, out.record.error]).toEqual(['ok', undefined]);

    const expected = oracle([victim]);
    const diff = diffActivities(expected, storedActivities(p));
    expect(diff.report(5)).toBe(diffActivities(expected, expected).report(5));
    const exp = recountRollups(expected);
    const got = storedRollups(p);
    for (const week of new Set([...exp.keys(), ...got.keys()])) {
      const e = exp.get(week);
      const g = got.get(week);
      expect([week, g ? rollupCells(g) : []]).toEqual([week, e ? rollupCells(e) : []]);
    }
    const teammates = await mustAdmin<{ teammates: Array<{ id: string }> }>(p, admin, 'teammates/list', {});
    expect(teammates.teammates.map((t) => t.id)).not.toContain(mapping.get(victim));
    expect(teammates.teammates).toHaveLength(teammatesBefore - 1);
    // Nowhere in KVS any more: not in a value, not in a key.
    const dump = p.kvs.dump();
    expect(JSON.stringify(dump).includes(victim)).toBe(false);

    // The next syncs do not bring the person back: nobody maps them any more.
    const again = await driveSyncToDone(p, ['host'], { advance: clock.advance });
    expect(again.why ?? 'done').toBe('done');
    expect(storedActivities(p).some((a) => a.actorAccountId === victim)).toBe(false);
    figures
      .add('closed account', `1 (had ${byActor.get(victim)} activities)`)
      .add('activities left of the closed account', 0)
      .add('other activities kept', `${storedActivities(p).length} (equal to the oracle without the closed account)`)
      .add('rollup weeks equal to the recount', got.size);
  }, 120_000);

  it('reports in batches of at most 90 accounts', async () => {
    const admin = adminOf(site);
    const users = Array.from({ length: 100 }, (_, i) => ({ accountId: `5b10ac8d82e05b22cc7d${String(4000 + i).padStart(4, '0')}`, displayName: `Guest ${i}` }));
    await mustAdmin(p, admin, 'teammates/add-users', { users });
    p.runtime.personalData.reset();
    const out = await p.runtime.runScheduledTrigger('privacy-schedule');
    expect([out.record.status, out.record.error]).toEqual(['ok', undefined]);
    const reported = new Set(p.runtime.personalData.reported.map((a) => a.accountId));
    for (const u of users) expect(reported.has(u.accountId)).toBe(true);
    expect(p.runtime.personalData.calls).toBe(Math.ceil(reported.size / 90));
    figures.add('report calls for 100+ accounts', `${p.runtime.personalData.calls} for ${reported.size} accounts`);
  });
});
