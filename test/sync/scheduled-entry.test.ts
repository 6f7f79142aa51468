import type { LocalPlatform } from '../../local/platform';
import { startTestPlatform } from '../helpers/test-platform';
import { diffActivities } from '../oracle/diff-activities';
import { teammateMappingFromFixture } from '../oracle/teammate-mapping';
import { DAY, inApp, oracle, rollupComparison, siteEndingNow, stored } from './helpers';

jest.setTimeout(240_000);

/**
 * The sync as Forge runs it: the 5-minute trigger (here fired twice at once), short invocations
 * that stop before their deadline and continue through the sync-jobs queue consumer.
 */
describe('scheduled trigger and queue continuations', () => {
  const fixture = siteEndingNow({ seed: 41, issues: 300, pages: 40, users: 7 });
  let platform: LocalPlatform;
  const mapping = teammateMappingFromFixture(fixture, { idOf: (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') });

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [fixture], limits: { triggerMs: 3000, consumerMs: 3000 } });
    // Teammates only: the trigger finds the host site's URL by itself.
    await inApp(platform, (d) =>
      d.config.saveTeammates({
        teams: [],
        teammates: [...mapping].map(([accountId, id]) => ({ id, name: id, externalIds: [{ dataSourceId: '*', type: 'accountId' as const, value: accountId }], mappedAt: new Date(Date.now() - DAY).toISOString() })),
      }),
    );
  });
  afterAll(() => platform.close());

  it('two triggers at once: one run does the work across queued invocations, the other says why it stopped', async () => {
    // On virtual time the work (hundreds of requests at their modelled cost) cannot fit in one
    // 3 s invocation, whatever the machine: the run must checkpoint and continue through the queue.
    const [a, b] = await Promise.all([platform.runtime.runScheduledTrigger('sync-schedule'), platform.runtime.runScheduledTrigger('sync-schedule')]);
    expect([a.record.status, b.record.status]).toEqual(['ok', 'ok']);
    // Both saw the trigger due, or the second already saw the first one's start: never two syncs.
    expect([a.result, b.result]).toContainEqual({ ran: true, runs: 1, purgesFinished: 0 });
    let consumers = 0;
    for (let i = 0; i < 200 && platform.runtime.queue.size > 0; i++) consumers += (await platform.runtime.drainQueue({ maxEvents: 5 })).delivered;
    await platform.runtime.idle();
    platform.sites!.faults.clear();
    expect(consumers).toBeGreaterThan(0);
    expect(platform.runtime.invocations.filter((i) => i.status !== 'ok')).toEqual([]);

    const runs = await inApp(platform, (d) => d.runs.list(10));
    const statuses = runs.map((r) => r.status).sort();
    expect(statuses).toContain('succeeded');
    for (const r of runs.filter((x) => x.status !== 'succeeded')) {
      expect(r.status).toBe('cancelled');
      expect(r.errors.map((e) => e.message).join(' ')).toMatch(/already running/);
    }
    const done = runs.find((r) => r.status === 'succeeded')!;
    expect(done.invocations).toBeGreaterThan(1);

    const untilMs = done.window.untilMs;
    const diff = diffActivities(oracle(fixture, mapping, untilMs - 90 * DAY, untilMs), await stored(platform));
    if (!diff.equal) throw new Error(diff.report(10));
    const rollups = await rollupComparison(platform);
    expect(rollups.actual).toEqual(rollups.expected);
  });

  it('a due tick also queues the daily deletion sweep as a run of its own', async () => {
    await inApp(platform, async (d) => {
      await d.syncState.setLastScheduledStart(0);
      const cursor = await d.cursors.get('host', 'sweep');
      await d.cursors.save('host', 'sweep', { ...cursor, watermarkMs: Date.now() - 2 * DAY });
    });
    const tick = await platform.runtime.runScheduledTrigger('sync-schedule');
    expect(tick.record.status).toBe('ok');
    for (let i = 0; i < 200 && platform.runtime.queue.size > 0; i++) await platform.runtime.drainQueue({ maxEvents: 5 });
    await platform.runtime.idle();
    const runs = await inApp(platform, (d) => d.runs.list(20));
    const sweep = runs.find((r) => r.reason === 'sweep');
    expect(sweep?.status).toBe('succeeded');
    expect(sweep?.streams.sweep.status).toBe('done');
    expect(sweep?.streams['jira-issues'].status).toBe('skipped');
  });

  it('two runs started at once on one data source: one works, the other stops and says why', async () => {
    const runs = await inApp(platform, async (d) => {
      const { createSyncService } = await import('../../src/sync/sync-service');
      const service = createSyncService(d);
      return (await Promise.all([service.startSync({ reason: 'manual', dataSourceId: 'host' }, { inline: true, loop: true }), service.startSync({ reason: 'manual', dataSourceId: 'host' }, { inline: true, loop: true })])).flat();
    });
    expect(runs.map((r) => r.status).sort()).toEqual(['cancelled', 'succeeded']);
    expect(runs.find((r) => r.status === 'cancelled')!.errors[0].message).toMatch(/already running/);
  });

  it('the next tick within the interval does nothing', async () => {
    const before = (await inApp(platform, (d) => d.runs.list(50))).length;
    const tick = await platform.runtime.runScheduledTrigger('sync-schedule');
    expect(tick.result).toEqual({ ran: false, runs: 0, purgesFinished: 0 });
    expect((await inApp(platform, (d) => d.runs.list(50))).length).toBe(before);
  });
});

describe('cancelling a run', () => {
  const fixture = siteEndingNow({ seed: 43, issues: 30, pages: 6, users: 4 });
  let platform: LocalPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [fixture] });
  });
  afterAll(() => platform.close());

  it('a queued run that was cancelled ends as cancelled and frees the data source', async () => {
    const { seedFromFixture } = await import('../../local/cli/sync/seed');
    const { createSyncService } = await import('../../src/sync/sync-service');
    const result = await inApp(platform, async (d) => {
      await seedFromFixture(d.config, fixture, { mappedAt: new Date(Date.now() - DAY).toISOString() });
      const jobs: { runId: string; dataSourceId: string }[] = [];
      const service = createSyncService({ ...d, enqueue: async (body) => void jobs.push(body) });
      const [run] = await service.startSync({ reason: 'manual', dataSourceId: 'host', window: { sinceMs: Date.now() - 30 * DAY, untilMs: Date.now() } });
      const progress = await service.getSyncProgress();
      await service.cancelSync(run.id);
      const ended = await service.continueSync(jobs[0]);
      const after = await service.getSyncProgress();
      const next = await service.startSync({ reason: 'manual', dataSourceId: 'host' }, { inline: true });
      return { queued: jobs.length, running: progress.running.map((r) => r.id), runId: run.id, ended: ended?.status, after: after.running.length, next: next[0].status };
    });
    expect(result.queued).toBe(1);
    expect(result.running).toEqual([result.runId]);
    expect(result.ended).toBe('cancelled');
    expect(result.after).toBe(0);
    expect(result.next).toBe('succeeded');
  });
});
