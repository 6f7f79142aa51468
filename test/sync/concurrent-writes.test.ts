import type { Activity } from '../../src/domain/activity';
import { ENTITY } from '../../src/store/keys';
import { createActivityRepository, type ActivityRepository } from '../../src/store/activity-repository';
import { createRollupRepository } from '../../src/store/rollup-repository';
import { decodeRollupWeek } from '../../src/store/rollup-week-format';
import { ActivityWriter } from '../../src/sync/activity-writer';
import { createDirectKvs } from '../model/direct-kvs';
import { recountRollups, rollupCells } from '../oracle/recount-rollups';

/**
 * The streams of one invocation share its ActivityWriter and call it side by side. The issues
 * stream reconciles an issue's activities and, when the issue moved, refreshes the container of
 * activities the worklogs stream owns (a worklog on it); the worklogs stream writes the same
 * worklog with its new time spent. Both land in the same teammate-week.
 *
 * The interleaving is forced, not hoped for: the issues stream's read of the stored activities
 * returns, and before it writes, the worklogs stream's whole write is given the chance to run
 * (the in-process KVS answers within microtasks, so one macrotask is plenty). A writer that
 * lets both calls interleave writes back the worklog it read before the other stream changed
 * it: the stored worklog and the week's rollup say 100 s where the site says 200 s.
 */
const WEEK_OF = '2026-12-01T10:00:00.000Z';
const OLD = { type: 'project' as const, id: '10000', key: 'ACME', name: 'Acme' };
const MOVED = { type: 'project' as const, id: '10001', key: 'OPS', name: 'Operations' };

function activity(id: string, kind: Activity['kind'], over: Partial<Activity> = {}): Activity {
  return {
    id,
    source: 'jira',
    dataSourceId: 'host',
    kind,
    actorAccountId: 'acc-t1',
    teammateId: 't1',
    at: WEEK_OF,
    container: OLD,
    entity: { type: 'issue', id: '1', key: 'ACME-1', title: 'First' },
    url: 'https://acme.atlassian.net/browse/ACME-1',
    details: {},
    restricted: 'unknown',
    ...over,
  };
}

const created = activity('jira:host:created:1', 'jira.issue.created');
const worklog = activity('jira:host:worklog:7', 'jira.worklog', { details: { seconds: 100, worklogId: '7' } });
const movedEntity = { type: 'issue' as const, id: '1', key: 'OPS-1', title: 'First' };
const createdNow = { ...created, container: MOVED, entity: movedEntity };
const worklogNow = { ...worklog, container: MOVED, entity: movedEntity, details: { seconds: 200, worklogId: '7' } };

async function storedRollups(kvs: ReturnType<typeof createDirectKvs>['port']) {
  const page = await kvs.entityQuery<{ data: unknown }>(ENTITY.rollupWeek, { index: 'by-week', range: { op: 'gte', value: '0000' }, limit: 100 });
  return new Map(page.results.map((r) => [r.key, rollupCells(decodeRollupWeek(r.value.data, r.key))]));
}

describe('two streams writing the same teammate-week in one invocation', () => {
  it('leaves the stored activities and rollups as the site says, not a stale read written back', async () => {
    const { port: kvs } = createDirectKvs();
    const activities = createActivityRepository(kvs);
    const rollups = createRollupRepository(kvs, activities);
    // What an earlier run stored: the issue created in ACME, 100 s logged on it.
    const seed = new ActivityWriter(activities, rollups, false);
    await seed.apply([created, worklog]);
    await seed.finish();

    let worklogsStream: Promise<void> | undefined;
    const writer = new ActivityWriter(
      {
        ...activities,
        async listByEntity(dataSourceId: string, entityKey: string) {
          const stored = await activities.listByEntity(dataSourceId, entityKey);
          // The worklogs stream writes while the issues stream holds what it just read.
          worklogsStream = writer.apply([worklogNow]);
          await new Promise((resolve) => setImmediate(resolve));
          return stored;
        },
      } satisfies ActivityRepository,
      rollups,
      true,
    );
    const issuesStream = writer.reconcileEntities(
      'host',
      [{ entityKey: created.entity.key, computed: [createdNow], current: { container: MOVED, entity: movedEntity, restricted: 'unknown' } }],
      new Set(['jira.issue.created', 'jira.issue.updated', 'jira.issue.resolved', 'jira.comment'] as const),
      { sinceMs: Date.parse(WEEK_OF) - 86_400_000, untilMs: Date.parse(WEEK_OF) + 86_400_000 },
    );
    await issuesStream;
    await worklogsStream;
    await writer.finish();

    const expected = [createdNow, worklogNow];
    const stored = await activities.getMany(expected.map((a) => a.id));
    expect(stored.get(worklog.id)?.details.seconds).toBe(200);
    expect([...stored.values()].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(expected.sort((a, b) => (a.id < b.id ? -1 : 1)));
    const recount = new Map([...recountRollups(expected)].map(([week, doc]) => [`rw:${week}`, rollupCells(doc)]));
    expect(await storedRollups(kvs)).toEqual(recount);
  });
});
