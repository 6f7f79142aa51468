import type { LocalPlatform } from '../../local/platform';
import { startTestPlatform } from '../helpers/test-platform';
import { getKvs } from '../../src/platform/forge-kvs';

/**
 * The local KVS caches entity indexes per write version. Found by the fault schedules, which
 * restore one KVS snapshot per schedule: clear() and restore() started the versions again at
 * 0, so the first write after them produced a version an index cached before already had,
 * and queries answered with rows that were no longer stored (the rollup recount then counted
 * activities of an earlier state, or none).
 */
describe('local KVS: entity indexes after reset and restore', () => {
  let p: LocalPlatform;
  beforeAll(async () => {
    p = await startTestPlatform({ sites: [] });
  });
  afterAll(() => p.close());

  const row = (id: string, atSec: number) => ({ dataSourceId: 'host', source: 'jira', kind: 'jira.comment', teammateId: 't', accountId: 'a', atSec, day: '2026-11-02', containerKey: 'P', entityKey: id, doc: { id } });
  const byTime = async () => {
    const out = await p.runtime.runInContext({}, async () =>
      (await getKvs().entityQuery<{ doc: { id: string } }>('activity', { index: 'by-time', range: { op: 'gte', value: 0 }, limit: 100 })).results.map((r) => r.key),
    );
    return out.result;
  };
  const put = (id: string, atSec: number) => p.runtime.runInContext({}, () => getKvs().entitySet('activity', id, row(id, atSec)));

  it('answers queries from the current rows after reset()', async () => {
    await put('a-1', 100);
    expect(await byTime()).toEqual(['a-1']);
    p.kvs.reset();
    await put('b-1', 200);
    expect(await byTime()).toEqual(['b-1']);
  });

  it('answers queries from the restored rows after store.restore()', async () => {
    p.kvs.reset();
    const empty = p.kvs.store.snapshot();
    await put('c-1', 300);
    expect(await byTime()).toEqual(['c-1']);
    p.kvs.store.restore(empty);
    await put('d-1', 400);
    expect(await byTime()).toEqual(['d-1']);
  });
});
