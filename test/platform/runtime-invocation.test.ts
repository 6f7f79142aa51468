import { kvs } from '@forge/kvs';
import type { LocalPlatform } from '../../local/platform';
import { InvocationFailedError } from '../../local/runtime/runtime';
import { rejection, startFixturePlatform } from './helpers';

/** Virtual time: limits and costs are exact, whatever the machine's speed. */
const KVS_MS = 10;
let p: LocalPlatform;
beforeAll(async () => {
  p = await startFixturePlatform({ limits: { resolverMs: 300, triggerMs: 2_000 }, time: { mode: 'virtual', kvsMs: KVS_MS } });
});
afterAll(async () => { await p.close(); });
beforeEach(() => { p.kvs.reset(); p.runtime.resetLog(); });

describe('resolver invocation', () => {
  it('builds the call, the extension context and the backend payload as Forge does', async () => {
    const r = (await p.runtime.invokeResolver('ui-resolver', 'whoami', { q: 1 }, { accountId: 'acc-1' })) as Record<string, any>;
    expect(r.payload).toEqual({ q: 1 });
    expect(r.context).toMatchObject({
      accountId: 'acc-1',
      moduleKey: 'admin-page',
      extension: { type: 'jira:adminPage' },
      localId: expect.any(String),
      environmentType: 'DEVELOPMENT',
      installContext: 'ari:cloud:jira::site/local-cloud',
      license: { isActive: true },
    });
    expect(r.aaid).toBe('acc-1');
    expect(r.moduleKey).toBe('admin-page');
    expect(r.appAri).toBe('ari:cloud:ecosystem::app/11111111-2222-3333-4444-555555555555');
    // The (lowered) 300 ms resolver limit, untouched: whoami makes no request.
    expect(r.remainingMs).toBe(300);
    const [rec] = p.runtime.invocations;
    expect(rec).toMatchObject({ kind: 'resolver', key: 'ui-resolver:whoami', status: 'ok', accountId: 'acc-1', fetches: 0 });
    expect(r.invocationId).toBe(rec.id);
  });

  it('passes an explicit module key and extension through', async () => {
    const r = (await p.runtime.invokeResolver('ui-resolver', 'whoami', undefined, { accountId: 'acc-2', moduleKey: 'admin-page', extension: { type: 'jira:adminPage', custom: 1 } })) as Record<string, any>;
    expect(r.payload).toEqual({});
    expect(r.context.extension).toEqual({ type: 'jira:adminPage', custom: 1 });
    const j = (await p.runtime.invokeResolver('ui-resolver', 'whoami', { at: new Date(0), gone: undefined }, { accountId: 'acc-2' })) as Record<string, any>;
    expect(j.payload).toEqual({ at: '1970-01-01T00:00:00.000Z' });
  });

  it('per-invocation fields are not visible outside the invocation', async () => {
    await p.runtime.invokeResolver('ui-resolver', 'whoami', {}, { accountId: 'acc-1' });
    const rt = (globalThis as any).__forge_runtime__;
    expect(rt.aaid).toBeUndefined();
    expect(rt.appContext.moduleKey).toBeUndefined();
  });

  it('counts fetches and surfaces a handler error with its log record', async () => {
    await p.runtime.invokeResolver('ui-resolver', 'kvs-roundtrip', { key: 'a', value: [1] }, { accountId: 'acc-1' });
    expect(p.runtime.invocations[0].fetches).toBe(2);
    const err = await rejection(() => p.runtime.invokeResolver('ui-resolver', 'boom', {}, { accountId: 'acc-1' }));
    expect(err).toBeInstanceOf(InvocationFailedError);
    expect(err.message).toContain('resolver exploded');
    expect(p.runtime.invocations[1]).toMatchObject({ status: 'error', error: 'Error: resolver exploded' });
    const unknown = await rejection(() => p.runtime.invokeResolver('ui-resolver', 'nope', {}, { accountId: 'acc-1' }));
    expect(unknown.message).toContain("Resolver has no definition for 'nope'");
  });

  it('captures console output per invocation', async () => {
    await p.runtime.invokeResolver('ui-resolver', 'log', { text: 'hello 42' }, { accountId: 'acc-1' });
    expect(p.runtime.invocations[0].console).toEqual([
      { level: 'log', text: 'resolver says hello 42' },
      { level: 'error', text: 'and warns' },
    ]);
  });
});

describe('deadlines and cut-offs', () => {
  it('cuts a resolver off at its limit; its later writes never land', async () => {
    const err = await rejection(() => p.runtime.invokeResolver('ui-resolver', 'slow-writer', { prefix: 'w', every: 5 }, { accountId: 'acc-1' }));
    expect(err).toBeInstanceOf(InvocationFailedError);
    const rec = p.runtime.invocations[0];
    expect(rec.status).toBe('timeout');
    expect(rec.ms).toBe(300);
    // 30 writes of 10 ms fit in 300 ms; the 31st would end past the limit.
    expect(Object.keys(p.kvs.dump().plain)).toHaveLength(300 / KVS_MS);
    // The handler keeps running (its sleeps are real) but every later write is refused.
    await new Promise((r) => setTimeout(r, 50));
    expect(Object.keys(p.kvs.dump().plain)).toHaveLength(300 / KVS_MS);
  });

  it('cutOffAfterFetches(n) freezes the next invocation after n completed requests', async () => {
    p.runtime.cutOffAfterFetches(3);
    await rejection(() => p.runtime.invokeResolver('ui-resolver', 'write-n', { prefix: 'c', n: 10 }, { accountId: 'acc-1' }));
    expect(p.runtime.invocations[0]).toMatchObject({ status: 'timeout', fetches: 3, error: 'cut off after 3 fetches' });
    await new Promise((r) => setTimeout(r, 50));
    expect(Object.keys(p.kvs.dump().plain).sort()).toEqual(['c:0', 'c:1', 'c:2']);
    // One-shot: the next invocation runs normally.
    await p.runtime.invokeResolver('ui-resolver', 'write-n', { prefix: 'd', n: 5 }, { accountId: 'acc-1' });
    expect(p.runtime.invocations[1]).toMatchObject({ status: 'ok', fetches: 5 });
  });

  it('a request already on its way when the deadline passes does not change state', async () => {
    p.kvs.setLatency(400);
    await rejection(() => p.runtime.invokeResolver('ui-resolver', 'write-n', { prefix: 'late', n: 1 }, { accountId: 'acc-1' }));
    p.kvs.setLatency(0);
    expect(p.runtime.invocations[0]).toMatchObject({ status: 'timeout', ms: 300 });
    expect(p.kvs.dump().plain).toEqual({});
  });
});

describe('scheduled triggers', () => {
  it('runs two runs of the same trigger concurrently with separate contexts', async () => {
    // The order in which KVS receives the writes shows the two runs interleaved.
    const order: string[] = [];
    const handle = p.kvs.handle.bind(p.kvs);
    jest.spyOn(p.kvs, 'handle').mockImplementation((path, init, guard) => {
      order.push((JSON.parse(String(init?.body)) as { key: string }).key.replace(/^tick:[^:]+:/, ''));
      return handle(path, init, guard);
    });
    const [a, b] = await Promise.all([p.runtime.runScheduledTrigger('tick-schedule'), p.runtime.runScheduledTrigger('tick-schedule')]);
    expect(a.record.status).toBe('ok');
    expect(b.record.status).toBe('ok');
    expect(a.record.id).not.toBe(b.record.id);
    const plain = p.kvs.dump().plain as Record<string, any>;
    for (const rec of [a.record, b.record]) {
      expect(plain[`tick:${rec.id}:start`]).toMatchObject({
        payload: { context: { cloudId: 'local-cloud', moduleKey: 'tick-schedule' }, contextToken: expect.any(String) },
        context: { installContext: 'ari:cloud:jira::site/local-cloud' },
        aaid: null,
        moduleKey: 'tick-schedule',
      });
      // The second write saw its own invocation id although both runs were interleaved.
      expect(plain[`tick:${rec.id}:end`].invocationId).toBe(rec.id);
    }
    jest.restoreAllMocks();
    expect(order).toEqual(['start', 'start', 'end', 'end']);
    expect([a.record.ms, b.record.ms]).toEqual([2 * KVS_MS, 2 * KVS_MS]);
  });

  it('rejects an unknown trigger key clearly', async () => {
    expect((await rejection(() => p.runtime.runScheduledTrigger('nope'))).message).toContain('no scheduledTrigger "nope"');
  });
});

describe('product events', () => {
  it('delivers to every subscribed trigger and redelivers on InvocationError with retryContext', async () => {
    const outcomes = await p.runtime.runProductEvent({ eventType: 'avi:jira:commented:issue', issue: { id: '1' }, failUntilRetry: 2 });
    expect(outcomes.map((o) => [o.record.key, o.record.status])).toEqual([
      ['issue-events:avi:jira:commented:issue', 'ok'],
      ['issue-events:avi:jira:commented:issue', 'ok'],
      ['issue-events:avi:jira:commented:issue', 'ok'],
      ['comment-audit:avi:jira:commented:issue', 'ok'],
    ]);
    const events = Object.entries(p.kvs.dump().plain).filter(([k]) => k.startsWith('event:')).map(([, v]) => (v as any).event);
    expect(events.map((e) => e.retryContext?.retryCount ?? 0)).toEqual([0, 1, 2]);
    expect(events[1].retryContext.retryReason).toBe('FUNCTION_UPSTREAM_RATE_LIMITED');
    expect(await p.runtime.runProductEvent({ eventType: 'avi:jira:deleted:issue' })).toEqual([]);
  });

  it('redelivers at most 4 times, each after retryAfter lowered to 900 s, as Forge documents', async () => {
    p.runtime.productEventRetries.length = 0;
    const queueBefore = p.runtime.queue.now();
    const outcomes = await p.runtime.runProductEvent({ eventType: 'avi:jira:commented:issue', issue: { id: '2' }, failUntilRetry: 10, retryAfter: 3600 });
    expect(outcomes.filter((o) => o.record.key === 'issue-events:avi:jira:commented:issue')).toHaveLength(5);
    const retries = p.runtime.productEventRetries.filter((r) => r.trigger === 'issue-events');
    expect(retries.map((r) => [r.retryCount, r.afterSec])).toEqual([[1, 900], [2, 900], [3, 900], [4, 900]]);
    expect(p.runtime.queue.now() - queueBefore).toBeGreaterThanOrEqual(4 * 900_000);
  });
});

describe('personal data reporting', () => {
  it('answers closed and updated accounts; none → []', async () => {
    p.runtime.personalData.closeAccount('gone');
    p.runtime.personalData.markUpdated('changed', '2026-11-20T00:00:00Z');
    const res = await p.runtime.invokeResolver('ui-resolver', 'report-accounts', {
      accounts: [
        { accountId: 'gone', updatedAt: '2026-11-01T00:00:00Z' },
        { accountId: 'changed', updatedAt: '2026-11-01T00:00:00Z' },
        { accountId: 'fine', updatedAt: '2026-11-01T00:00:00Z' },
      ],
    }, { accountId: 'acc-1' });
    expect(res).toEqual([{ accountId: 'gone', status: 'closed' }, { accountId: 'changed', status: 'updated' }]);
    expect(await p.runtime.invokeResolver('ui-resolver', 'report-accounts', { accounts: [{ accountId: 'fine', updatedAt: '2026-11-01T00:00:00Z' }] }, { accountId: 'acc-1' })).toEqual([]);
    expect(p.runtime.personalData.reported.map((a) => a.accountId)).toEqual(['gone', 'changed', 'fine', 'fine']);
  });
});

describe('egress-checked fetch', () => {
  it('denies hosts outside permissions.external.fetch.backend', async () => {
    const r = (await p.runtime.invokeResolver('ui-resolver', 'fetch-url', { url: 'https://evil.example.com/x' }, { accountId: 'acc-1' })) as Record<string, unknown>;
    expect(r.message).toContain('URL not included in the external fetch backend permissions: https://evil.example.com/x');
  });

  it('an allowed host that is not emulated fails like a DNS lookup', async () => {
    const r = (await p.runtime.invokeResolver('ui-resolver', 'fetch-url', { url: 'https://api.allowed.example/v1' }, { accountId: 'acc-1' })) as Record<string, unknown>;
    expect(r).toMatchObject({ error: 'TypeError', message: 'fetch failed', causeCode: 'ENOTFOUND' });
    const site = (await p.runtime.invokeResolver('ui-resolver', 'fetch-url', { url: 'https://unknown-site.atlassian.net/rest/api/3/myself' }, { accountId: 'acc-1' })) as Record<string, unknown>;
    expect(site).toMatchObject({ causeCode: 'ENOTFOUND' });
  });
});

describe('runInContext', () => {
  it('runs test code as an invocation of a given user', async () => {
    const out = await p.runtime.runInContext({ accountId: 'acc-9' }, async () => {
      await kvs.set('adhoc', 1);
      return (globalThis as any).__forge_runtime__.aaid;
    });
    expect(out.result).toBe('acc-9');
    expect(out.record).toMatchObject({ kind: 'adhoc', status: 'ok', fetches: 1 });
  });
});
