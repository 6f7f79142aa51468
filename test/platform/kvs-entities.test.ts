import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';
import type { LocalPlatform } from '../../local/platform';

type TaskAttrs = { owner: string; project: string; title: string; priority: number; score: number; done: boolean; meta: unknown; x: unknown };
import { rejection, startFixturePlatform } from './helpers';

let p: LocalPlatform;
beforeAll(async () => { p = await startFixturePlatform(); });
afterAll(async () => { await p.close(); });

type Task = { owner: string; project: string; title: string; priority: number; score: number; done: boolean; meta?: unknown };
const tasks: Record<string, Task> = {};
beforeAll(async () => {
  const owners = ['ann', 'bob', 'cat'];
  const items = [];
  for (let i = 0; i < 30; i++) {
    const t: Task = { owner: owners[i % 3], project: i % 2 ? 'P1' : 'P2', title: `title-${String(29 - i).padStart(2, '0')}`, priority: i % 7, score: i * 1.5, done: i % 4 === 0, meta: { i } };
    tasks[`task-${String(i).padStart(2, '0')}`] = t;
    items.push({ key: `task-${String(i).padStart(2, '0')}`, value: t, entityName: 'task' });
  }
  for (let i = 0; i < items.length; i += 25) await kvs.batchSet(items.slice(i, i + 25) as never);
  // An entity without `priority` is absent from every index ranged on it.
  await kvs.entity('task').set('sparse', { owner: 'ann', project: 'P1', title: 'zz-sparse', score: 0.5, done: false });
});

/** Every result of a query, following cursors; returns keys and the number of pages. */
async function all(build: (cursor?: string) => { getMany: () => Promise<{ results: Array<{ key: string }>; nextCursor?: string }> }) {
  const keys: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await build(cursor).getMany();
    keys.push(...page.results.map((r) => r.key));
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return { keys, pages };
}

const expectedKeys = (pred: (t: Task) => boolean, by: (t: Task) => number | string, desc = false) =>
  Object.entries(tasks)
    .filter(([, t]) => pred(t))
    .sort(([ka, a], [kb, b]) => (by(a) < by(b) ? -1 : by(a) > by(b) ? 1 : ka < kb ? -1 : 1) * (desc ? -1 : 1))
    .map(([k]) => k);

describe('custom entities', () => {
  it('get/set/delete with metadata; an unknown entity, attribute or type is rejected', async () => {
    await kvs.entity('task').set('tmp', { owner: 'z', project: 'P', title: 't', priority: 1, score: 1, done: true, meta: [1, { deep: true }] });
    expect(await kvs.entity('task').get('tmp')).toMatchObject({ meta: [1, { deep: true }] });
    const withMeta = await kvs.entity('task').get('tmp', { metadataFields: ['UPDATED_AT' as never] });
    expect(withMeta).toMatchObject({ key: 'tmp', updatedAt: expect.any(Number) });
    await kvs.entity('task').delete('tmp');
    expect(await kvs.entity('task').get('tmp')).toBeUndefined();

    expect((await rejection(() => kvs.entity('nope').set('k', {}))).code).toBe('INVALID_ENTITY');
    expect((await rejection(() => kvs.entity('ab').get('k'))).code).toBe('ENTITY_TYPE_TOO_SHORT');
    expect((await rejection(() => kvs.entity('task').set('k', { colour: 'red' }))).code).toBe('INVALID_ATTRIBUTE');
    expect((await rejection(() => kvs.entity('task').set('k', { priority: 1.5 }))).code).toBe('INVALID_ATTRIBUTE_VALUE');
    expect((await rejection(() => kvs.entity('task').set('k', { priority: 2 ** 31 }))).code).toBe('INVALID_ATTRIBUTE_VALUE');
    await kvs.entity('task').set('k', { priority: 2 ** 31 - 1 });
    await kvs.entity('task').set('k', { priority: -(2 ** 31) });
    await kvs.entity('task').delete('k');
    expect((await rejection(() => kvs.entity('task').set('k', { title: 5 }))).code).toBe('INVALID_ATTRIBUTE_VALUE');
    expect((await rejection(() => kvs.entity('task').set('k', { done: 'yes' }))).code).toBe('INVALID_ATTRIBUTE_VALUE');
    expect((await rejection(() => kvs.entity('task').set('', { done: true }))).code).toBe('EMPTY_KEY');
  });

  it('shorthand index (`- priority`): ranged on the attribute, ASC by default, pages with cursors', async () => {
    const { keys, pages } = await all((c) => {
      const q = kvs.entity('task').query().index('priority').limit(4);
      return c ? q.cursor(c) : q;
    });
    expect(keys).toEqual(expectedKeys(() => true, (t) => t.priority));
    expect(pages).toBe(8);
    expect(keys).not.toContain('sparse');
  });

  it('partition + range with BETWEEN, DESC and an AND filter', async () => {
    const { keys } = await all((c) => {
      const q = kvs.entity('task').query().index('by-owner', { partition: ['bob'] })
        .where(WhereConditions.between(1, 5)).sort(Sort.DESC)
        .filters(new Filter<TaskAttrs>().and('done', FilterConditions.equalTo(false)).and('project', FilterConditions.beginsWith('P1')))
        .limit(2);
      return c ? q.cursor(c) : q;
    });
    expect(keys).toEqual(expectedKeys((t) => t.owner === 'bob' && t.priority >= 1 && t.priority <= 5 && !t.done && t.project === 'P1', (t) => t.priority, true));
    expect(keys.length).toBeGreaterThan(1);
  });

  it('two-attribute partition with a float range and an OR filter', async () => {
    const { keys } = await all(() => kvs.entity('task').query().index('by-owner-project', { partition: ['ann', 'P2'] })
      .where(WhereConditions.greaterThanEqualTo(9))
      .filters(new Filter<TaskAttrs>().or('priority', FilterConditions.lessThan(2)).or('done', FilterConditions.equalTo(true)))
      .limit(100));
    const expected = expectedKeys((t) => t.owner === 'ann' && t.project === 'P2' && t.score >= 9 && (t.priority < 2 || t.done), (t) => t.score);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(expectedKeys((t) => t.owner === 'ann' && t.project === 'P2' && t.score >= 9, () => 0).length);
    expect(keys).toEqual(expected);
  });

  it('string range with BEGINS_WITH, LESS_THAN and getOne', async () => {
    const begins = await all(() => kvs.entity('task').query().index('by-title').where(WhereConditions.beginsWith('title-1')).limit(50));
    expect(begins.keys).toEqual(expectedKeys((t) => t.title.startsWith('title-1'), (t) => t.title));
    const lt = await all(() => kvs.entity('task').query().index('by-title').where(WhereConditions.lessThan('title-03')).limit(50));
    expect(lt.keys).toEqual(['task-29', 'task-28', 'task-27']);
    const one = await kvs.entity('task').query().index('by-title').sort(Sort.DESC).getOne();
    expect(one?.key).toBe('sparse');
  });

  it('every range condition, both directions, paged three rows at a time, returns exactly the matching rows in order', async () => {
    // Number ranges on `priority` (values repeat) and string ranges on `title`, each checked
    // against the rows themselves: the query finds its window by binary search.
    const numeric: Array<[string, unknown, (v: number) => boolean]> = [
      ['= 3', WhereConditions.equalTo(3), (v) => v === 3],
      ['between 2 and 4', WhereConditions.between(2, 4), (v) => v >= 2 && v <= 4],
      ['> 4', WhereConditions.greaterThan(4), (v) => v > 4],
      ['>= 4', WhereConditions.greaterThanEqualTo(4), (v) => v >= 4],
      ['< 2', WhereConditions.lessThan(2), (v) => v < 2],
      ['<= 2', WhereConditions.lessThanEqualTo(2), (v) => v <= 2],
      ['= 9 (none)', WhereConditions.equalTo(9), () => false],
      ['between 5 and 1 (none)', WhereConditions.between(5, 1), () => false],
    ];
    const text: Array<[string, unknown, (v: string) => boolean]> = [
      ['begins title-2', WhereConditions.beginsWith('title-2'), (v) => v.startsWith('title-2')],
      ['begins title-', WhereConditions.beginsWith('title-'), (v) => v.startsWith('title-')],
      ['begins zz (past the end)', WhereConditions.beginsWith('zzz'), (v) => v.startsWith('zzz')],
      ['between title-05 and title-12', WhereConditions.between('title-05', 'title-12'), (v) => v >= 'title-05' && v <= 'title-12'],
      ['> title-25', WhereConditions.greaterThan('title-25'), (v) => v > 'title-25'],
    ];
    for (const desc of [false, true]) {
      for (const [name, cond, pred] of numeric) {
        const { keys } = await all((c) => {
          const q = kvs.entity('task').query().index('priority').where(cond as never).sort(desc ? Sort.DESC : Sort.ASC).limit(3);
          return c ? q.cursor(c) : q;
        });
        expect([name, desc, keys]).toEqual([name, desc, expectedKeys((t) => pred(t.priority), (t) => t.priority, desc)]);
      }
      for (const [name, cond, pred] of text) {
        const { keys } = await all((c) => {
          const q = kvs.entity('task').query().index('by-title').where(cond as never).sort(desc ? Sort.DESC : Sort.ASC).limit(3);
          return c ? q.cursor(c) : q;
        });
        const sparse = pred('zz-sparse') ? ['sparse'] : [];
        const expected = [...expectedKeys((t) => pred(t.title), (t) => t.title), ...sparse];
        expect([name, desc, keys]).toEqual([name, desc, desc ? expected.reverse() : expected]);
      }
    }
  });

  it('filters: NOT_EQUAL_TO, CONTAINS, NOT_CONTAINS, GREATER_THAN, LESS_THAN_EQUAL_TO, NOT_EXISTS', async () => {
    const run = async (f: { filters(): unknown[]; operator(): 'and' | 'or' }) => (await all(() => kvs.entity('task').query().index('by-title').filters(f as never).limit(100))).keys.sort();
    expect(await run(new Filter<TaskAttrs>().and('owner', FilterConditions.notEqualTo('ann')).and('priority', FilterConditions.greaterThan(4)))).toEqual(
      expectedKeys((t) => t.owner !== 'ann' && t.priority > 4, () => 0).sort(),
    );
    expect(await run(new Filter<TaskAttrs>().and('title', FilterConditions.contains('-2')))).toEqual(expectedKeys((t) => t.title.includes('-2'), () => 0).sort());
    expect(await run(new Filter<TaskAttrs>().and('title', FilterConditions.notContains('e-')).and('score', FilterConditions.lessThanEqualTo(1)))).toEqual(['sparse']);
    expect(await run(new Filter<TaskAttrs>().and('priority', FilterConditions.notExists()))).toEqual(['sparse']);
  });

  it('a cursor stays valid when rows are added in front of it', async () => {
    const first = await kvs.entity('task').query().index('priority').limit(5).getMany();
    await kvs.entity('task').set('aaa-new', { owner: 'new', project: 'P', title: 'x', priority: -1, score: 0, done: false });
    const second = await kvs.entity('task').query().index('priority').limit(5).cursor(first.nextCursor!).getMany();
    expect(second.results.map((r) => r.key)).toEqual(expectedKeys(() => true, (t) => t.priority).slice(5, 10));
    await kvs.entity('task').delete('aaa-new');
  });

  it('query errors: unknown index, wrong partition arity, partition on an unpartitioned index, limit above 100, foreign cursor', async () => {
    expect((await rejection(() => kvs.entity('task').query().index('by-nothing').getMany())).code).toBe('INVALID_INDEX');
    expect((await rejection(() => kvs.entity('task').query().index('by-owner').getMany())).code).toBe('INVALID_PARTITION');
    expect((await rejection(() => kvs.entity('task').query().index('by-owner-project', { partition: ['ann'] }).getMany())).code).toBe('INVALID_PARTITION');
    expect((await rejection(() => kvs.entity('task').query().index('priority', { partition: ['x'] }).getMany())).code).toBe('INVALID_PARTITION');
    expect((await rejection(() => kvs.entity('task').query().index('priority').limit(101).getMany())).code).toBe('INVALID_LIMIT');
    const page = await kvs.entity('task').query().index('by-title').limit(1).getMany();
    expect((await rejection(() => kvs.entity('task').query().index('priority').cursor(page.nextCursor!).getMany())).code).toBe('INVALID_CURSOR');
    const q = await kvs.entity('task').query().index('priority').limit(100).getMany();
    expect(q.results).toHaveLength(30);
    expect(q.nextCursor).toBeUndefined();
  });

  it("limit-then-filter mode returns short pages with cursors, and paging still finds every match", async () => {
    p.kvs.setEntityQueryMode('limit-then-filter');
    try {
      const filter = new Filter<TaskAttrs>().and('done', FilterConditions.equalTo(true));
      const first = await kvs.entity('task').query().index('priority').filters(filter).limit(5).getMany();
      expect(first.results.length).toBeLessThan(5);
      expect(first.nextCursor).toEqual(expect.any(String));
      const { keys } = await all((c) => {
        const q = kvs.entity('task').query().index('priority').filters(filter).limit(5);
        return c ? q.cursor(c) : q;
      });
      expect(keys).toEqual(expectedKeys((t) => t.done, (t) => t.priority));
    } finally {
      p.kvs.setEntityQueryMode('filter-then-limit');
    }
  });
});

describe('entity query scale', () => {
  // The emulator keeps sorted per-partition buckets, so this stays fast; the generous jest
  // timeout is the guard for that, the assertions are about paging.
  it('pages through 20,000 rows of one partition in both directions, 100 rows a call', async () => {
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      p.kvs.store.write({ kind: 'entity', name: 'task' }, `bulk-${i}`, { owner: 'bulk', priority: i % 1000, project: 'B', title: `b${i}`, score: i, done: false });
    }
    p.kvs.resetStats();
    for (const sort of [Sort.ASC, Sort.DESC]) {
      const seen: number[] = [];
      const keys = new Set<string>();
      let cursor: string | undefined;
      do {
        let q = kvs.entity('task').query().index('by-owner', { partition: ['bulk'] }).sort(sort).limit(100);
        if (cursor) q = q.cursor(cursor);
        const page = await q.getMany();
        for (const r of page.results) {
          seen.push((r.value as Task).priority);
          keys.add(r.key);
        }
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(n);
      expect(keys.size).toBe(n);
      const sorted = [...seen].sort((a, b) => (sort === Sort.ASC ? a - b : b - a));
      expect(seen).toEqual(sorted);
    }
    expect(p.kvs.stats.calls['entity/query']).toBe(2 * (n / 100));
  }, 60_000);
});
