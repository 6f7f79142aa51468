import type { Activity } from '../../src/domain/activity';
import { createActivityRepository } from '../../src/store/activity-repository';
import { ENTITY, KEY } from '../../src/store/keys';
import type { KvsPort } from '../../src/store/kvs-port';
import { createRollupReader, createRollupRepository } from '../../src/store/rollup-repository';
import { expandRollupWeek, ROLLUP_MAX_PARTS } from '../../src/store/rollup-week-format';
import { readRawWeeks, rollupWeekWrite } from '../../src/store/rollup-week-io';
import { StoredRollupError } from '../../src/store/stored-errors';
import { KvsError } from '../../local/kvs/errors';
import { createDirectKvs } from '../model/direct-kvs';
import { busyWeek, rowsOf } from './helpers/weeks';

/**
 * A rollup week too big for one KVS value (a busy week of a 50,000-issue site) is stored as a
 * head and parts in one transaction, under the emulator's value, operation and 4 MB limits, and
 * read back whole, never mixing the parts of two versions.
 */
const WEEK = '2026-11-23';
const partNs = { kind: 'entity' as const, name: ENTITY.rollupWeekPart };
const partKeys = (store: ReturnType<typeof createDirectKvs>['store']) => store.entries(partNs).map(([key]) => key).sort();

const big = busyWeek(120, 12); // 80,640 rows: four parts
const bigger = busyWeek(120, 12, 7);

describe('rollup weeks stored in parts', () => {
  it('stores a big week as a head and parts in one transaction and reads it back whole', async () => {
    const { port, store } = createDirectKvs();
    await port.transact(rollupWeekWrite(big, 1, 0, [{ attribute: 'rev', op: 'notExists' }]));
    expect(partKeys(store)).toEqual(['rwp:2026-11-23:0', 'rwp:2026-11-23:1', 'rwp:2026-11-23:2', 'rwp:2026-11-23:3']);
    const [read] = await createRollupReader(port).readRange('2026-11-23', '2026-11-29');
    expect(rowsOf(read)).toEqual(rowsOf(big));
    expect(read.teammates).toEqual(big.teammates);
  });

  it('a smaller version deletes the parts it no longer has, in the same transaction', async () => {
    const { port, store } = createDirectKvs();
    await port.transact(rollupWeekWrite(big, 1, 0, [{ attribute: 'rev', op: 'notExists' }]));
    const small = busyWeek(2, 1);
    await port.transact(rollupWeekWrite(small, 2, 4, [{ attribute: 'rev', op: 'eq', value: 1 }]));
    expect(partKeys(store)).toEqual([]);
    const [read] = await createRollupReader(port).readRange(WEEK, WEEK);
    expect(expandRollupWeek(read)).toEqual(expandRollupWeek(small));
  });

  it('a reader that meets parts of a newer version than the head it read reads the week again', async () => {
    const { port } = createDirectKvs();
    await port.transact(rollupWeekWrite(big, 1, 0, [{ attribute: 'rev', op: 'notExists' }]));
    // The writer's transaction lands between the reader's head read and its part read.
    let writes = 0;
    const racing: KvsPort = {
      ...port,
      async batchGet(items) {
        const got = await port.batchGet(items);
        if (items[0]?.entity === ENTITY.rollupWeek && writes++ === 0) await port.transact(rollupWeekWrite(bigger, 2, 4, [{ attribute: 'rev', op: 'eq', value: 1 }]));
        return got as never;
      },
    };
    const [read] = await createRollupReader(racing).readRange(WEEK, WEEK);
    expect(writes).toBe(2);
    expect(rowsOf(read)).toEqual(rowsOf(bigger));
  });

  it('a part that stays of another revision is a malformed week: the dashboard errs, a writer recounts', async () => {
    const { port, store } = createDirectKvs();
    await port.transact(rollupWeekWrite(big, 1, 0, [{ attribute: 'rev', op: 'notExists' }]));
    const part = store.read(partNs, KEY.rollupWeekPart(WEEK, 2))?.value as Record<string, unknown>;
    await port.entitySet(ENTITY.rollupWeekPart, KEY.rollupWeekPart(WEEK, 2), { ...part, rev: 7 });
    const [raw] = await readRawWeeks(port, [WEEK]);
    expect(raw).toBeInstanceOf(StoredRollupError);
    await expect(createRollupReader(port).readRange(WEEK, WEEK)).rejects.toThrow(/rw:2026-11-23.*parts/);

    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const rollups = createRollupRepository(port, createActivityRepository(port));
      expect((await rollups.readWeeks([WEEK])).size).toBe(0);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/recounted instead of updated/));
      // The recount (no activities stored here) replaces the head and deletes every part.
      await rollups.recountWeek(WEEK);
      expect(partKeys(store)).toEqual([]);
      const [read] = await createRollupReader(port).readRange(WEEK, WEEK);
      expect(rowsOf(read)).toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });

  it('a delta applied to a week with parts keeps every other row', async () => {
    const { port } = createDirectKvs();
    await port.transact(rollupWeekWrite(big, 1, 0, [{ attribute: 'rev', op: 'notExists' }]));
    const rollups = createRollupRepository(port, createActivityRepository(port));
    const base = (await rollups.readWeeks([WEEK])).get(WEEK);
    expect(base?.parts).toBe(4);
    const added: Activity = {
      id: 'jira:host:comment:1',
      source: 'jira',
      dataSourceId: 'host',
      kind: 'jira.comment',
      actorAccountId: 'acc-new',
      teammateId: 'tm-new',
      at: '2026-11-25T10:00:00.000Z',
      container: { type: 'project', id: '5', key: 'P5', name: 'Project 5' },
      entity: { type: 'issue', id: '1', key: 'P5-1', title: 'One' },
      url: 'https://acme.atlassian.net/browse/P5-1',
      details: {},
    };
    expect(await rollups.applyDelta(WEEK, base, [], [added])).toBe(true);
    const [read] = await createRollupReader(port).readRange(WEEK, WEEK);
    const cells = expandRollupWeek(read);
    expect(cells).toHaveLength(80_641);
    expect(cells.filter((c) => c.teammateId === 'tm-new')).toEqual([expect.objectContaining({ day: '2026-11-25', kind: 'jira.comment', count: 1 })]);
  });

  it('the emulator refuses a transaction over 4 MB and applies none of it', async () => {
    const { port, store } = createDirectKvs();
    const row = (i: number) => ({ key: `rwp:${WEEK}:${i}`, entity: ENTITY.rollupWeekPart, value: { week: WEEK, rev: 1, part: i, rows: 'A'.repeat(230 * 1024) } });
    const tx = { set: Array.from({ length: ROLLUP_MAX_PARTS + 2 }, (_, i) => row(i)) };
    await expect(port.transact(tx)).rejects.toThrow(KvsError);
    await expect(port.transact(tx)).rejects.toMatchObject({ code: 'MAX_SIZE' });
    expect(partKeys(store)).toEqual([]);
  });
});
