import type { LocalPlatform } from '../../local/platform';
import type { SiteFixture } from '../../local/site/fixture-schema';
import { createForgeKvs } from '../../src/platform/forge-kvs';
import { createConfigRepository } from '../../src/store/config-repository';
import { KEY } from '../../src/store/keys';
import { diffActivities } from '../oracle/diff-activities';
import { expectedActivities } from '../oracle/expected-activities';
import { recountRollups, rollupCells } from '../oracle/recount-rollups';
import { driveSyncToDone } from '../reliability/helpers/sync-driver';
import { callAdmin, installScaledTime, storedActivities, storedRollups, syncedSmallWorld } from '../reliability/helpers/world';

/**
 * A person added twice (before one person had to be one teammate) has their activity split
 * between two teammates. Merging them on the admin page leaves one teammate with all of it:
 * stored activities and rollups equal the oracle for the merged mapping after the next sync.
 */
describe('merging duplicate teammates', () => {
  const clock = installScaledTime({ scaledLimits: false });
  let p: LocalPlatform;
  let site: SiteFixture;
  let admin: string;
  let mapping: Map<string, string>;

  beforeAll(async () => {
    ({ p, site, admin, mapping } = await syncedSmallWorld(84, clock));
  }, 120_000);

  afterAll(async () => {
    await p?.close();
    clock.restore();
  });

  const oracle = (m: Map<string, string>) =>
    expectedActivities(site, { dataSourceId: 'host', siteUrl: 'https://acme.atlassian.net', mapping: m, since: 0, until: Date.now() });

  it('moves the duplicate\'s activities to the kept teammate, with rollups equal to a recount', async () => {
    const byActor = new Map<string, number>();
    for (const a of storedActivities(p)) if (a.actorAccountId !== admin) byActor.set(a.actorAccountId, (byActor.get(a.actorAccountId) ?? 0) + 1);
    const [person] = [...byActor].sort((a, b) => b[1] - a[1])[0];
    const keepId = mapping.get(person)!;

    // A duplicate as older versions let an admin make it: the same account, on this source only.
    const dupId = 'tm-duplicate';
    const made = await p.runtime.runInContext({ key: 'test-make-duplicate' }, async () => {
      const config = createConfigRepository(createForgeKvs());
      const doc = await config.getTeammates();
      const at = new Date(Date.now()).toISOString();
      await config.saveTeammates({ ...doc, teammates: [...doc.teammates, { id: dupId, name: 'Duplicate', externalIds: [{ dataSourceId: 'host', type: 'accountId', value: person }], mappedAt: at }] });
    });
    expect(made.record.status).toBe('ok');
    clock.advance(60_000);
    const split = await driveSyncToDone(p, ['host'], { advance: clock.advance });
    expect(split.why ?? 'done').toBe('done');
    expect(storedActivities(p).some((a) => a.teammateId === dupId)).toBe(true);

    const dups = await callAdmin<{ groups: Array<{ teammates: Array<{ id: string }> }> }>(p, admin, 'teammates/duplicates', {});
    expect(dups.ok && dups.data.groups.map((g) => g.teammates.map((t) => t.id))).toEqual([[keepId, dupId]]);
    const merged = await callAdmin(p, admin, 'teammates/merge', { keepId, mergeIds: [dupId] });
    expect(merged.ok).toBe(true);
    expect(storedActivities(p).filter((a) => a.teammateId === dupId)).toEqual([]);

    clock.advance(60_000);
    const again = await driveSyncToDone(p, ['host'], { advance: clock.advance });
    expect(again.why ?? 'done').toBe('done');
    await p.runtime.drainQueue();

    const expected = oracle(mapping);
    const got = storedActivities(p);
    expect(diffActivities(expected, got).report(5)).toBe(diffActivities(expected, expected).report(5));
    const exp = recountRollups(expected);
    const stored = storedRollups(p);
    for (const week of new Set([...exp.keys(), ...stored.keys()])) {
      const e = exp.get(week);
      const g = stored.get(week);
      expect([week, g ? rollupCells(g) : []]).toEqual([week, e ? rollupCells(e) : []]);
    }
    expect(Object.keys(p.kvs.dump().plain).filter((k) => k.startsWith(KEY.rollupDirtyPrefix))).toEqual([]);
    const after = await callAdmin<{ groups: unknown[] }>(p, admin, 'teammates/duplicates', {});
    expect(after).toEqual({ ok: true, data: { groups: [] } });
  }, 180_000);
});
