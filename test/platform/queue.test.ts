import type { LocalPlatform } from '../../local/platform';
import { rejection, startFixturePlatform } from './helpers';

let p: LocalPlatform;
beforeAll(async () => { p = await startFixturePlatform({ limits: { consumerMs: 300 }, time: { mode: 'virtual' } }); });
afterAll(async () => { await p.close(); });
beforeEach(() => { p.kvs.reset(); p.runtime.resetLog(); p.runtime.queue.clear(); });

const push = (queue: string, events: unknown[]) =>
  p.runtime.invokeResolver('ui-resolver', 'push', { queue, events }, { accountId: 'acc-1' }) as Promise<{ jobId: string; stats: Record<string, number> }>;

describe('@forge/events Queue → drainQueue → consumer', () => {
  it('push answers a jobId and stats; the resolver-form consumer gets body as payload and jobId in context', async () => {
    const { jobId, stats } = await push('work', [{ body: { id: 'a' } }, { body: { id: 'b' } }]);
    expect(stats).toEqual({ success: 0, inProgress: 2, failed: 0 });
    const res = await p.runtime.drainQueue();
    expect(res.delivered).toBe(2);
    expect(res.remaining).toBe(0);
    const plain = p.kvs.dump().plain as Record<string, any>;
    expect(plain['work:a:0']).toEqual({ payload: { id: 'a' }, jobId });
    expect(plain['work:b:0']).toEqual({ payload: { id: 'b' }, jobId });
    expect(await p.runtime.invokeResolver('ui-resolver', 'job-stats', { queue: 'work', jobId }, { accountId: 'acc-1' })).toEqual({ success: 2, inProgress: 0, failed: 0 });
  });

  it('delivers in due order, honouring delayInSeconds in virtual time; onlyDue leaves future events queued', async () => {
    const pushedBy = p.runtime.queue.now();
    await push('work', [{ body: { id: 'late' }, delayInSeconds: 600 }, { body: { id: 'soon' }, delayInSeconds: 5 }, { body: { id: 'now' } }]);
    const due = await p.runtime.drainQueue({ onlyDue: true });
    expect(due).toMatchObject({ delivered: 1, remaining: 2 });
    const rest = await p.runtime.drainQueue();
    expect(rest.delivered).toBe(2);
    // The queue's clock moved on to the late event instead of waiting ten minutes.
    expect(p.runtime.queue.now()).toBeGreaterThanOrEqual(pushedBy + 600_000);
    // Stored in delivery order.
    expect(Object.keys(p.kvs.dump().plain)).toEqual(['work:now:0', 'work:soon:0', 'work:late:0']);
    const consumers = p.runtime.invocations.filter((r) => r.kind === 'consumer');
    expect(consumers.map((r) => [r.key, r.status])).toEqual([['work-consumer', 'ok'], ['work-consumer', 'ok'], ['work-consumer', 'ok']]);
  });

  it('maxEvents limits one drain', async () => {
    await push('work', [1, 2, 3].map((i) => ({ body: { id: `m${i}` } })));
    expect(await p.runtime.drainQueue({ maxEvents: 2 })).toMatchObject({ delivered: 2, remaining: 1 });
    expect(await p.runtime.drainQueue()).toMatchObject({ delivered: 1, remaining: 0 });
  });

  it('InvocationError redelivers with retryContext after retryAfter, at most 4 retries', async () => {
    const { jobId } = await push('work', [{ body: { id: 'flaky', failTimes: 2 } }, { body: { id: 'hopeless', failTimes: 99 } }]);
    const res = await p.runtime.drainQueue();
    expect(res.delivered).toBe(3 + 5);
    const plain = p.kvs.dump().plain as Record<string, any>;
    expect(plain['work:flaky:2'].payload.retryContext).toMatchObject({ retryCount: 2, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { attempt: 1 } });
    expect(plain['work:flaky:3']).toBeUndefined();
    expect(Object.keys(plain).filter((k) => k.startsWith('work:hopeless:')).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `work:hopeless:${i}`));
    expect(await p.runtime.invokeResolver('ui-resolver', 'job-stats', { queue: 'work', jobId }, { accountId: 'acc-1' })).toEqual({ success: 1, inProgress: 0, failed: 1 });
  });

  it('the function-form consumer gets the AsyncEvent and the backend context', async () => {
    const { jobId } = await push('plain', [{ body: { id: 'x' }, delayInSeconds: 3 }]);
    await p.runtime.drainQueue();
    const v = (p.kvs.dump().plain as Record<string, any>)['plain:x'];
    expect(v.event).toEqual({ body: { id: 'x' }, queueName: 'plain', jobId, eventId: expect.any(String), delayInSeconds: 3 });
    expect(v.context).toMatchObject({ installContext: expect.stringMatching(/^ari:cloud:jira::site\//) });
  });

  it('cancel drops pending events (204); stats of an unknown job is JobDoesNotExistError (404)', async () => {
    const { jobId } = await push('work', [{ body: { id: 'c1' } }, { body: { id: 'c2' } }]);
    expect(await p.runtime.invokeResolver('ui-resolver', 'cancel-job', { queue: 'work', jobId }, { accountId: 'acc-1' })).toEqual({ cancelled: true });
    expect(await p.runtime.drainQueue()).toMatchObject({ delivered: 0, remaining: 0 });
    const err = await rejection(() => p.runtime.invokeResolver('ui-resolver', 'job-stats', { queue: 'work', jobId: 'no-such-job' }, { accountId: 'acc-1' }));
    expect(err.message).toContain('The job no-such-job was not found for the queue work');
  });

  it('a consumer cut off at its deadline is retried with FUNCTION_TIME_OUT', async () => {
    await push('work', [{ body: { id: 'slow' } }]);
    // The consumer's one write takes longer than its 300 ms limit.
    p.kvs.setLatency(400);
    const res = await p.runtime.drainQueue({ maxEvents: 1 });
    p.kvs.setLatency(0);
    expect(res.outcomes[0].record).toMatchObject({ status: 'timeout', ms: 300 });
    expect(res.remaining).toBe(1);
    expect(p.runtime.queue.peek()[0]).toMatchObject({ retryCount: 1, retryReason: 'FUNCTION_TIME_OUT' });
    await p.runtime.drainQueue();
    expect((p.kvs.dump().plain as Record<string, any>)['work:slow:1'].payload.retryContext.retryReason).toBe('FUNCTION_TIME_OUT');
  });

  it('an event for a queue without a consumer fails and the log says why', async () => {
    const { jobId } = await push('orphan', [{ body: { id: 'o' } }]);
    const res = await p.runtime.drainQueue();
    expect(res.outcomes[0].record).toMatchObject({ status: 'error', error: 'No consumer module in manifest.yml for queue "orphan".' });
    expect(await p.runtime.invokeResolver('ui-resolver', 'job-stats', { queue: 'orphan', jobId }, { accountId: 'acc-1' })).toEqual({ success: 0, inProgress: 0, failed: 1 });
  });

  it('Queue.push validation errors surface from the real SDK before reaching the platform', async () => {
    const err = await rejection(() => push('work', []));
    expect(err.message).toMatch(/No events pushed|events/i);
  });
});
