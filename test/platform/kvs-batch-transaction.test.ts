import { Filter, FilterConditions, kvs } from '@forge/kvs';
import type { LocalPlatform } from '../../local/platform';

type TaskAttrs = { owner: string; project: string; title: string; priority: number; score: number; done: boolean; meta: unknown; x: unknown };
import { rejection, startFixturePlatform } from './helpers';

let p: LocalPlatform;
beforeAll(async () => { p = await startFixturePlatform(); });
afterAll(async () => { await p.close(); });
beforeEach(() => p.kvs.reset());

const task = (owner: string, priority: number, extra: Record<string, unknown> = {}) => ({ owner, project: 'P', title: `t-${owner}-${priority}`, priority, score: priority / 2, done: false, ...extra });

describe('batch operations', () => {
  it('batchSet mixes plain keys and entities and reports per-key failures without failing the rest', async () => {
    const res = await kvs.batchSet([
      { key: 'plain:1', value: { a: 1 } },
      { key: 'task-1', value: task('ann', 1), entityName: 'task' },
      { key: 'bad key/slash', value: 1 },
      { key: 'task-2', value: task('bob', 3_000_000_000), entityName: 'task' },
      { key: 'plain:2', value: 'x'.repeat(240 * 1024) },
    ] as never);
    expect(res.successfulKeys).toEqual([{ key: 'plain:1' }, { key: 'task-1', entityName: 'task' }]);
    expect(res.failedKeys.map((f) => [f.key, f.error.code])).toEqual([
      ['bad key/slash', 'INVALID_KEY'],
      ['task-2', 'INVALID_ATTRIBUTE_VALUE'],
      ['plain:2', 'MAX_SIZE'],
    ]);
    expect(p.kvs.dump()).toEqual({ plain: { 'plain:1': { a: 1 } }, secrets: {}, entities: { task: { 'task-1': task('ann', 1) } } });
  });

  it('batchGet returns values with metadata and lists missing keys as KEY_NOT_FOUND', async () => {
    await kvs.set('a', 1);
    await kvs.entity('task').set('t1', task('ann', 2));
    const res = await kvs.batchGet([
      { key: 'a', options: { metadataFields: ['CREATED_AT'] } },
      { key: 't1', entityName: 'task' },
      { key: 'nope' },
    ] as never);
    expect(res.successfulKeys).toEqual([
      { key: 'a', value: 1, createdAt: expect.any(Number) },
      { key: 't1', entityName: 'task', value: task('ann', 2) },
    ]);
    expect(res.failedKeys).toEqual([{ key: 'nope', error: { code: 'KEY_NOT_FOUND', message: expect.any(String) } }]);
  });

  it('batchDelete removes keys; a missing key is not an error', async () => {
    await kvs.set('a', 1);
    await kvs.entity('task').set('a', task('ann', 1));
    const res = await kvs.batchDelete([{ key: 'a' }, { key: 'a', entityName: 'task' }, { key: 'gone' }] as never);
    expect(res.failedKeys).toEqual([]);
    expect(res.successfulKeys).toHaveLength(3);
    expect(p.kvs.dump()).toEqual({ plain: {}, secrets: {}, entities: {} });
  });

  it('rejects a whole batch that is empty, has more than 25 keys, or repeats a key', async () => {
    expect((await rejection(() => kvs.batchSet([]))).code).toBe('EMPTY_BATCH');
    const many = Array.from({ length: 26 }, (_, i) => ({ key: `k${i}`, value: i }));
    const tooMany = await rejection(() => kvs.batchSet(many as never));
    expect(tooMany.code).toBe('BATCH_TOO_LARGE');
    expect((tooMany.responseDetails as { status: number }).status).toBe(400);
    await kvs.batchSet(many.slice(0, 25) as never);
    expect(Object.keys(p.kvs.dump().plain)).toHaveLength(25);
    expect((await rejection(() => kvs.batchGet([{ key: 'k1' }, { key: 'k1' }] as never))).code).toBe('DUPLICATE_KEYS');
    // The same key in two namespaces is not a duplicate.
    await expect(kvs.batchGet([{ key: 'k1' }, { key: 'k1', entityName: 'task' }] as never)).resolves.toBeDefined();
  });
});

describe('transactions', () => {
  it('applies sets and deletes atomically', async () => {
    await kvs.set('old', 1);
    await kvs.transact().set('new', { v: 2 }, undefined, { ttl: { value: 1, unit: 'DAYS' } } as never).delete('old').set('t1', task('ann', 1), { entityName: 'task' }).execute();
    expect(p.kvs.dump()).toEqual({ plain: { new: { v: 2 } }, secrets: {}, entities: { task: { t1: task('ann', 1) } } });
    expect(p.kvs.stats.calls.transaction).toBe(1);
  });

  it('commits when every condition and check holds', async () => {
    await kvs.entity('task').set('t1', task('ann', 1));
    await kvs.entity('task').set('t2', task('bob', 5));
    await kvs.transact()
      .set('t1', task('ann', 2), { entityName: 'task', conditions: new Filter<TaskAttrs>().and('priority', FilterConditions.equalTo(1)) } as never)
      .delete('t3', { entityName: 'task', conditions: new Filter<TaskAttrs>().and('owner', FilterConditions.notExists()) } as never)
      .check('t2', { entityName: 'task', conditions: new Filter<TaskAttrs>().or('priority', FilterConditions.greaterThan(4)).or('done', FilterConditions.equalTo(true)) } as never)
      .execute();
    expect(p.kvs.dump().entities.task.t1).toEqual(task('ann', 2));
  });

  it('fails as a whole with 409 CONDITIONAL_CHECK_FAILED naming the failing keys', async () => {
    await kvs.entity('task').set('t1', task('ann', 1));
    await kvs.entity('task').set('t2', task('bob', 5));
    await kvs.set('plain', 'before');
    const err = await rejection(() =>
      kvs.transact()
        .set('plain', 'after')
        .set('t1', task('ann', 9), { entityName: 'task', conditions: new Filter<TaskAttrs>().and('priority', FilterConditions.equalTo(1)) } as never)
        .check('t2', { entityName: 'task', conditions: new Filter<TaskAttrs>().and('owner', FilterConditions.equalTo('carol')) } as never)
        .execute(),
    );
    expect(err.code).toBe('CONDITIONAL_CHECK_FAILED');
    expect((err.responseDetails as { status: number }).status).toBe(409);
    expect(err.context).toMatchObject({ failedKeys: [{ key: 't2', entityName: 'task', operation: 'check' }] });
    expect(await kvs.get('plain')).toBe('before');
    expect(p.kvs.dump().entities.task.t1).toEqual(task('ann', 1));
  });

  it('treats a missing entity as having no attributes in conditions', async () => {
    const err = await rejection(() =>
      kvs.transact().set('t9', task('x', 1), { entityName: 'task', conditions: new Filter<TaskAttrs>().and('owner', FilterConditions.exists()) } as never).execute(),
    );
    expect(err.code).toBe('CONDITIONAL_CHECK_FAILED');
    await kvs.transact().set('t9', task('x', 1), { entityName: 'task', conditions: new Filter<TaskAttrs>().and('owner', FilterConditions.notExists()) } as never).execute();
    expect(await kvs.entity('task').get('t9')).toEqual(task('x', 1));
  });

  it(`caps a transaction at 25 operations and rejects invalid members before applying anything`, async () => {
    let t = kvs.transact();
    for (let i = 0; i < 26; i++) t = t.set(`k${i}`, i);
    expect((await rejection(() => t.execute())).code).toBe('TRANSACTION_TOO_LARGE');
    let ok = kvs.transact();
    for (let i = 0; i < 25; i++) ok = ok.set(`k${i}`, i);
    await ok.execute();
    expect(Object.keys(p.kvs.dump().plain)).toHaveLength(25);
    p.kvs.reset();
    const bad = await rejection(() => kvs.transact().set('good', 1).set('bad/key', 2).execute());
    expect(bad.code).toBe('INVALID_KEY');
    expect(p.kvs.dump().plain).toEqual({});
    expect((await rejection(() => kvs.transact().set('a', 1).delete('a').execute())).code).toBe('DUPLICATE_KEYS');
  });

  it('delete of a missing key inside a transaction succeeds (idempotent), conditions on plain keys are rejected', async () => {
    await kvs.transact().delete('never-there').execute();
    const err = await rejection(() => kvs.transact().set('p', 1, { conditions: new Filter<TaskAttrs>().and('x', FilterConditions.exists()) } as never).execute());
    expect(err.code).toBe('INVALID_CONDITION');
  });
});
