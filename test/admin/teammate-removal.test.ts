import type { LocalPlatform } from '../../local/platform';
import type { SiteFixture } from '../../local/site/fixture-schema';
import { utcDay } from '../../src/domain/activity';
import { getKvs } from '../../src/platform/forge-kvs';
import { purgeActivities } from '../../src/privacy/purge-activities';
import { createActivityRepository } from '../../src/store/activity-repository';
import { KEY } from '../../src/store/keys';
import { createRollupRepository } from '../../src/store/rollup-repository';
import { diffActivities } from '../oracle/diff-activities';
import { expectedActivities } from '../oracle/expected-activities';
import { recountRollups, rollupCells } from '../oracle/recount-rollups';
import { driveSyncToDone } from '../reliability/helpers/sync-driver';
import { callAdmin, DASHBOARD_FN, installScaledTime, mustAdmin, storedActivities, storedRollups, syncedSmallWorld } from '../reliability/helpers/world';

/**
 * Removing a teammate on the admin page deletes the activities stored for them, so they stop
 * counting under "Everyone"; the rollups equal a recount of what is left, everyone else's
 * activities are untouched, and re-adding the same account later backfills their history.
 */
describe('removing a teammate purges their activities', () => {
  const clock = installScaledTime({ scaledLimits: false });
  let p: LocalPlatform;
  let site: SiteFixture;
  let mapping: Map<string, string>;
  let admin: string;

  beforeAll(async () => {
    ({ p, site, admin, mapping } = await syncedSmallWorld(83, clock));
  }, 120_000);

  afterAll(async () => {
    await p?.close();
    clock.restore();
  });

  const oracle = (m: Map<string, string>) =>
    expectedActivities(site, { dataSourceId: 'host', siteUrl: 'https://acme.atlassian.net', mapping: m, since: 0, until: Date.now() });

  const expectRollupsToEqualRecountOf = (expected: ReturnType<typeof oracle>) => {
    const exp = recountRollups(expected);
    const got = storedRollups(p);
    for (const week of new Set([...exp.keys(), ...got.keys()])) {
      const e = exp.get(week);
      const g = got.get(week);
      expect([week, g ? rollupCells(g) : []]).toEqual([week, e ? rollupCells(e) : []]);
    }
  };

  const summaryCount = async (teammateId?: string) => {
    const to = utcDay(new Date(Date.now()).toISOString());
    const from = utcDay(new Date(Date.now() - 365 * 86_400_000).toISOString());
    const out = (await p.runtime.invokeResolver(
      DASHBOARD_FN,
      'dashboard/summary',
      { filters: { range: 'custom', from, to, ...(teammateId ? { teammateId } : {}) } },
      { accountId: admin, extension: { type: 'jira:globalPage' } },
    )) as { ok: boolean; data?: { totals: { count: number }; teammates: Array<{ teammateId: string }> }; error?: unknown };
    if (!out.ok || !out.data) throw new Error(`dashboard/summary failed: ${JSON.stringify(out.error)}`);
    return out.data;
  };

  /** The mapped account (not the admin) with the most stored activities. */
  const busiest = (except: string[]): [string, number] => {
    const byActor = new Map<string, number>();
    for (const a of storedActivities(p)) if (!except.includes(a.actorAccountId)) byActor.set(a.actorAccountId, (byActor.get(a.actorAccountId) ?? 0) + 1);
    return [...byActor].sort((a, b) => b[1] - a[1])[0];
  };

  it('deletes every activity of the removed teammate, keeps the others, and recounts the rollups', async () => {
    const [victim, had] = busiest([admin]);
    const teammateId = mapping.get(victim)!;
    expect(had).toBeGreaterThan(0);
    const before = storedActivities(p);
    const everyoneBefore = await summaryCount();
    const victimBefore = await summaryCount(teammateId);
    expect(victimBefore.totals.count).toBeGreaterThan(0);
    expect(everyoneBefore.teammates.map((t) => t.teammateId)).toContain(teammateId);

    const out = await callAdmin<{ deleted: string }>(p, admin, 'teammates/delete', { id: teammateId });

    const after = storedActivities(p);
    expect(after.filter((a) => a.teammateId === teammateId)).toEqual([]);
    const othersBefore = before.filter((a) => a.teammateId !== teammateId);
    const sameOthers = diffActivities(othersBefore, after);
    expect(sameOthers.report(5)).toBe(diffActivities(othersBefore, othersBefore).report(5));

    const remaining = new Map([...mapping].filter(([acc]) => acc !== victim));
    const expected = oracle(remaining);
    expect(diffActivities(expected, after).report(5)).toBe(diffActivities(expected, expected).report(5));
    expectRollupsToEqualRecountOf(expected);
    expect(Object.keys(p.kvs.dump().plain).filter((k) => k.startsWith(KEY.rollupDirtyPrefix))).toEqual([]);
    expect(out.ok && out.data).toEqual({ deleted: teammateId, purge: { activities: had, continuing: false } });

    const everyoneAfter = await summaryCount();
    expect(everyoneAfter.totals.count).toBe(everyoneBefore.totals.count - victimBefore.totals.count);
    expect(everyoneAfter.teammates.map((t) => t.teammateId)).not.toContain(teammateId);

    const list = await mustAdmin<{ teammates: Array<{ id: string }> }>(p, admin, 'teammates/list', {});
    expect(list.teammates.map((t) => t.id)).not.toContain(teammateId);
    mapping = remaining;
  }, 120_000);

  it('re-adding the account later backfills its history on the next sync', async () => {
    const removed = site.users.find((u) => u.active && u.accountType !== 'app' && !mapping.has(u.accountId))!;
    const added = await mustAdmin<{ added: Array<{ id: string }> }>(p, admin, 'teammates/add-users', {
      users: [{ accountId: removed.accountId, displayName: removed.displayName }],
    });
    expect(added.added).toHaveLength(1);
    mapping = new Map([...mapping, [removed.accountId, added.added[0].id]]);
    clock.advance(60_000);
    const again = await driveSyncToDone(p, ['host'], { advance: clock.advance });
    expect(again.why ?? 'done').toBe('done');

    const expected = oracle(mapping);
    const got = storedActivities(p);
    expect(got.some((a) => a.teammateId === added.added[0].id)).toBe(true);
    expect(diffActivities(expected, got).report(5)).toBe(diffActivities(expected, expected).report(5));
    expectRollupsToEqualRecountOf(expected);
  }, 120_000);

  const keysWith = (prefix: string) => Object.keys(p.kvs.dump().plain).filter((k) => k.startsWith(prefix));

  it('a removal cut short by its time budget finishes from the queue by itself, and the scheduled trigger settles it', async () => {
    const [victim] = busiest([admin]);
    const teammateId = mapping.get(victim)!;
    expect(storedActivities(p).filter((a) => a.teammateId === teammateId).length).toBeGreaterThan(3);

    // A resolver with no more than the purge's 5 s reserve: the call records the purge,
    // takes the teammate off the list and leaves every deletion to the queue.
    p.runtime.setLimits({ resolverMs: 5_000 });
    const out = await callAdmin<{ deleted: string; purge: { activities: number; continuing: boolean } }>(p, admin, 'teammates/delete', { id: teammateId });
    p.runtime.setLimits({ resolverMs: undefined });
    expect(out).toEqual({ ok: true, data: { deleted: teammateId, purge: { activities: 0, continuing: true } } });
    expect(storedActivities(p).filter((a) => a.teammateId === teammateId).length).toBeGreaterThan(3);
    expect(keysWith(KEY.purgeJobPrefix)).toEqual([KEY.purgeJob(`teammate-${teammateId}`)]);
    expect(p.runtime.queue.size).toBe(1);

    await p.runtime.drainQueue();
    const remaining = new Map([...mapping].filter(([acc]) => acc !== victim));
    const expected = oracle(remaining);
    expect(diffActivities(expected, storedActivities(p)).report(5)).toBe(diffActivities(expected, expected).report(5));
    expectRollupsToEqualRecountOf(expected);
    expect(keysWith(KEY.rollupDirtyPrefix)).toEqual([]);

    // The job stays until no sync that read the old teammate list can still be writing.
    expect(keysWith(KEY.purgeJobPrefix)).toHaveLength(1);
    clock.advance(20 * 60_000);
    const tick = await p.runtime.runScheduledTrigger('sync-schedule');
    expect(tick.record.status).toBe('ok');
    expect((tick.result as { purgesFinished: number }).purgesFinished).toBe(1);
    expect(keysWith(KEY.purgeJobPrefix)).toEqual([]);
    await p.runtime.idle();
    mapping = remaining;
  }, 120_000);

  it('a purge whose queued pass was lost is resumed by the scheduled trigger', async () => {
    const [victim] = busiest([admin]);
    const teammateId = mapping.get(victim)!;
    p.runtime.setLimits({ resolverMs: 5_000 });
    const out = await callAdmin<{ purge: { continuing: boolean } }>(p, admin, 'teammates/delete', { id: teammateId });
    p.runtime.setLimits({ resolverMs: undefined });
    expect(out.ok && out.data.purge.continuing).toBe(true);
    p.runtime.queue.clear();

    clock.advance(20 * 60_000);
    await p.runtime.runScheduledTrigger('sync-schedule');
    await p.runtime.drainQueue();
    const remaining = new Map([...mapping].filter(([acc]) => acc !== victim));
    const expected = oracle(remaining);
    expect(diffActivities(expected, storedActivities(p)).report(5)).toBe(diffActivities(expected, expected).report(5));
    expectRollupsToEqualRecountOf(expected);
    mapping = remaining;
  }, 120_000);
});
