import { join } from 'node:path';
import { kvs } from '@forge/kvs';
import { generateSite } from '../../local/fixtures/generator';
import type { GenerateOptions } from '../../local/fixtures/options';
import { startLocalRuntime } from '../../local/platform';
import { inProcessProbe, runAppSync, type AppSyncMeasure } from '../../bench/sync/app-sync';
import { startEmulatorThread, type ThreadCheck, type ThreadReading } from '../../bench/sync/emulator-thread';
import { startTestPlatform } from '../helpers/test-platform';

const END = '2026-11-20T12:00:00.000Z';
const AT = Date.parse(END) + 3_600_000;
const SITE: Partial<GenerateOptions> = {
  seed: 11, name: 'threadcorp', users: 5, projects: 2, restrictedProjects: 1, issues: 12, spaces: 1, pages: 5, days: 20, now: END,
  historiesPerIssue: 3, commentsPerIssue: 1.5, worklogsPerIssue: 1.5, versionsPerPage: 2, commentsPerPage: 1,
};

/**
 * The scale measure runs the site and KVS emulators in a thread of their own and the function
 * runtime on them (startLocalRuntime). The same sync must come out the same as with the
 * emulators in process: same requests, same activities, as the oracle counts them.
 */
describe('the emulators in a thread of their own', () => {
  let threaded: AppSyncMeasure;
  let check: ThreadCheck;
  let reading: ThreadReading;

  beforeAll(async () => {
    const thread = await startEmulatorThread({ site: SITE, appDir: process.cwd(), heapMb: 512 });
    try {
      const platform = await startLocalRuntime(thread.remote, { echoConsole: false });
      try {
        await thread.setNow(AT);
        threaded = await runAppSync(platform.runtime, thread.probe, { atMs: AT, reason: 'scheduled', seed: thread.seed });
        check = await thread.check(threaded.run.window.sinceMs, threaded.run.window.untilMs);
        reading = await thread.read();
      } finally {
        await platform.close();
      }
    } finally {
      await thread.close();
    }
  });

  it('syncs the site to the activities the oracle counts, within the lower bound', () => {
    expect(threaded.run.status).toBe('succeeded');
    expect(threaded.activitiesStored).toBeGreaterThan(0);
    expect(threaded.activitiesStored).toBe(check.expected);
    const made = Object.values(threaded.restCalls).reduce((a, b) => a + b, 0);
    expect(made).toBeGreaterThanOrEqual(check.bound.total);
    expect(reading.violations).toBe(0);
    expect(reading.largest.bytes).toBeGreaterThan(0);
  });

  it("times the function's thread: its CPU time, no longer than the invocation lasted", () => {
    expect(threaded.emulators).toBe('worker');
    expect(threaded.appMs).toBeGreaterThan(0);
    // Where Linux keeps no scheduler statistics the thread's times come in 10 ms ticks.
    expect(threaded.appMs).toBeLessThanOrEqual(threaded.functionMs + 10);
  });

  it('makes the same requests and stores the same activities as with the emulators in process', async () => {
    const fixture = generateSite(SITE);
    const platform = await startTestPlatform({ sites: [fixture] });
    try {
      platform.sites!.site(fixture.name).setNow(AT);
      const local = await runAppSync(platform.runtime, inProcessProbe(platform), { atMs: AT, reason: 'scheduled', seed: fixture });
      expect(local.emulators).toBe('in-process');
      expect(local.run.status).toBe('succeeded');
      expect(threaded.restCalls).toEqual(local.restCalls);
      expect(threaded.activitiesStored).toBe(local.activitiesStored);
    } finally {
      await platform.close();
    }
  });

  it('fails to start, instead of waiting forever, when the thread cannot set up', async () => {
    await expect(startEmulatorThread({ site: SITE, appDir: join(__dirname, 'no-such-app'), heapMb: 256 })).rejects.toThrow(/the emulator thread failed: .*manifest\.yml/);
  });

  it('releases the Forge globals when closed', async () => {
    await expect(kvs.get('anything')).rejects.toThrow(/no local Forge platform is running/);
  });
});
