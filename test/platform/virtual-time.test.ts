import { asApp, getAppContext, route } from '@forge/api';
import { kvs } from '@forge/kvs';
import type { InvocationRecord, LocalPlatform } from '../../local/platform';
import { acmeSite } from './fixtures/sites';
import { rejection, startFixturePlatform } from './helpers';

/**
 * Virtual time: an invocation's clock moves only by modelled costs (kvsMs / restMs per request,
 * plus configured or planned latency, plus charged sleeps), never by how long the machine took.
 */
const KVS_MS = 7;
const REST_MS = 30;
const LIMIT = 1_000;

let p: LocalPlatform;
beforeAll(async () => {
  p = await startFixturePlatform({ sites: [acmeSite()], time: { mode: 'virtual', kvsMs: KVS_MS, restMs: REST_MS }, limits: { resolverMs: LIMIT } });
});
afterAll(async () => { await p.close(); });
beforeEach(() => {
  p.kvs.reset();
  p.runtime.resetLog();
  p.sites!.faults.clear();
  p.sites!.resetLog();
});

const remaining = () => getAppContext().invocationRemainingTimeInMillis();
const myself = () => asApp().requestJira(route`/rest/api/3/myself`);

/** Burns CPU for `ms` of wall time without yielding. */
function spin(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) { /* busy */ }
}

describe('the virtual invocation clock', () => {
  it('remaining time falls by the modelled request costs only', async () => {
    const out = await p.runtime.runInContext({ limitMs: LIMIT }, async () => {
      const seen = [remaining()];
      await kvs.set('a', 1);
      seen.push(remaining());
      spin(50);
      seen.push(remaining());
      await kvs.get('a');
      await kvs.get('b');
      seen.push(remaining());
      const res = await myself();
      seen.push(remaining());
      return { seen, status: res.status };
    });
    expect(out.record.status).toBe('ok');
    expect(out.result).toEqual({ seen: [LIMIT, LIMIT - KVS_MS, LIMIT - KVS_MS, LIMIT - 3 * KVS_MS, LIMIT - 3 * KVS_MS - REST_MS], status: 200 });
    expect(out.record.ms).toBe(3 * KVS_MS + REST_MS);
  });

  it('adds the KVS latency and the site latency planned by a fault; the emulators do not really wait', async () => {
    p.kvs.setLatency(40);
    // Ten minutes: a real wait would outlast the test's own timeout.
    p.sites!.faults.add({ type: 'latency', delayMs: 600_000, times: 1 });
    const out = await p.runtime.runInContext({ limitMs: 3_600_000 }, async () => {
      await kvs.set('slow', 1);
      const afterKvs = remaining();
      const res = await myself();
      return { afterKvs, afterSite: remaining(), header: res.headers.get('x-emulated-latency-ms'), status: res.status };
    });
    p.kvs.setLatency(0);
    expect(out.result).toEqual({ afterKvs: 3_600_000 - KVS_MS - 40, afterSite: 3_600_000 - KVS_MS - 40 - REST_MS - 600_000, header: null, status: 200 });
    // The request log shows the time the response stands for.
    expect(p.sites!.requestLog[0].ms).toBe(600_000);
  });

  it('a CPU-heavy handler does not time out', async () => {
    const out = await p.runtime.runInContext({ limitMs: 100 }, async () => {
      spin(300);
      await kvs.set('after-spin', true);
      return remaining();
    });
    expect(out.record).toMatchObject({ status: 'ok', ms: KVS_MS });
    expect(out.result).toBe(100 - KVS_MS);
    expect(p.kvs.dump().plain).toEqual({ 'after-spin': true });
  });

  it('a latency fault past the limit cuts the invocation off at that request', async () => {
    p.sites!.faults.add({ type: 'latency', delayMs: LIMIT, times: 1 });
    let later: unknown;
    const out = await p.runtime.runInContext({ key: 'slow-site', limitMs: LIMIT }, async () => {
      await kvs.set('before', 1);
      try {
        await myself();
      } catch (e) {
        later = await rejection(() => kvs.set('after', 1));
        throw e;
      }
    });
    expect(out.record).toMatchObject({ status: 'timeout', ms: LIMIT });
    expect(out.record.error).toBe(`timeout: jira /rest/api/3/myself ran past the ${LIMIT} ms limit (virtual time)`);
    await p.runtime.idle();
    await new Promise((r) => setImmediate(r));
    expect((later as Error).name).toBe('InvocationCutOffError');
    expect(p.kvs.dump().plain).toEqual({ before: 1 });
  });

  it('a KVS write that would end past the limit never lands', async () => {
    p.kvs.setLatency(LIMIT);
    const out = await p.runtime.runInContext({ limitMs: LIMIT }, async () => {
      await kvs.set('late', 1);
    });
    p.kvs.setLatency(0);
    expect(out.record).toMatchObject({ status: 'timeout', ms: LIMIT });
    expect(p.kvs.dump().plain).toEqual({});
    // The call reached the emulator, as one on its way at the deadline does.
    expect(p.kvs.stats.calls.set).toBe(1);
  });

  it('virtualSleep charges the invocation and yields; a sleep past the limit cuts it off', async () => {
    const ok = await p.runtime.runInContext({ limitMs: LIMIT }, async () => {
      await p.runtime.virtualSleep(400);
      return remaining();
    });
    expect(ok.result).toBe(LIMIT - 400);
    const cut = await p.runtime.runInContext({ limitMs: LIMIT }, async () => {
      await p.runtime.virtualSleep(LIMIT + 1);
      await kvs.set('never', 1);
    });
    expect(cut.record).toMatchObject({ status: 'timeout', ms: LIMIT });
    expect(cut.record.error).toContain('ran past the 1000 ms limit');
    await p.runtime.idle();
    expect(p.kvs.dump().plain).toEqual({});
    // Outside an invocation it only yields.
    await p.runtime.virtualSleep(60_000);
  });

  it('a resolver keeps its own clock; concurrent invocations do not share time', async () => {
    const [a, b] = await Promise.all([
      p.runtime.invokeResolver('ui-resolver', 'write-n', { prefix: 'a', n: 3 }, { accountId: 'acc-1' }),
      p.runtime.invokeResolver('ui-resolver', 'write-n', { prefix: 'b', n: 5 }, { accountId: 'acc-1' }),
    ]);
    expect([a, b]).toEqual([{ wrote: 3 }, { wrote: 5 }]);
    expect(p.runtime.invocations.map((r) => r.ms).sort((x, y) => x - y)).toEqual([3 * KVS_MS, 5 * KVS_MS]);
  });

  it('the same scenario gives the same invocation records twice', async () => {
    const scenario = async (): Promise<Array<Partial<InvocationRecord>>> => {
      p.kvs.reset();
      p.runtime.resetLog();
      p.sites!.faults.clear();
      p.sites!.faults.add({ type: 'latency', delayMs: 150, probability: 0.5 });
      p.sites!.faults.add({ type: 'status5xx', status: 503, probability: 0.3 });
      for (let i = 0; i < 6; i++) {
        await p.runtime.runInContext({ key: `run-${i}`, limitMs: 400 }, async () => {
          for (let k = 0; k < 4; k++) {
            await kvs.set(`k${i}:${k}`, k);
            await myself();
          }
        });
      }
      return p.runtime.invocations.map(({ key, status, ms, fetches, error }) => ({ key, status, ms, fetches, error }));
    };
    const first = await scenario();
    const second = await scenario();
    expect(second).toEqual(first);
    // The scenario is long enough to cut some invocations off and let others finish.
    expect(new Set(first.map((r) => r.status))).toEqual(new Set(['ok', 'timeout']));
  });
});
