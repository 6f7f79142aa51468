import { BudgetExhaustedError, RateLimitError, UnreachableError } from '../../src/sources/errors';
import { createRequestMeter } from '../../src/sources/request-meter';
import { createRateBudget, withRetries } from '../../src/sources/retrying-client';
import { scriptedClient, type Scripted } from './fake-site-client';

const NOW = Date.parse('2026-11-25T12:00:00.000Z');

interface SetupOptions {
  random?: () => number;
  remainingMs?: () => number | undefined;
}

function setup(script: Scripted[], budget = createRateBudget('acme', { maxLimited: 3, maxWaitMs: 60_000 }), opts: SetupOptions = {}) {
  const fake = scriptedClient(script);
  const waits: number[] = [];
  const meter = createRequestMeter();
  const client = withRetries(fake.client, {
    budget,
    meter,
    sleep: async (ms) => void waits.push(ms),
    random: opts.random ?? (() => 1),
    now: () => NOW,
    ...(opts.remainingMs ? { remainingMs: opts.remainingMs } : {}),
  });
  return { client, waits, meter, log: fake.log, budget };
}

const limited = (headers: Record<string, string>): Scripted => ({ status: 429, headers });

describe('retrying client', () => {
  it('waits what Retry-After says, then succeeds, counting calls and 429s by endpoint', async () => {
    const { client, waits, meter } = setup([limited({ 'Retry-After': '3' }), { body: { ok: 1 } }], undefined, { random: () => 0 });
    const res = await client.request('POST', '/rest/api/3/issue/bulkfetch', {});
    expect(res.status).toBe(200);
    expect(waits).toEqual([3000]);
    expect(meter.calls).toEqual({ 'POST /rest/api/3/issue/bulkfetch': 2 });
    expect(meter.rateLimited).toBe(1);
  });

  it('waits until X-RateLimit-Reset when no Retry-After is given', async () => {
    const { client, waits } = setup([limited({ 'X-RateLimit-Reset': '2026-11-25T12:00:05.000Z' }), { body: {} }], undefined, { random: () => 0 });
    await client.request('GET', '/rest/api/3/status');
    expect(waits).toEqual([5000]);
  });

  // https://developer.atlassian.com/cloud/jira/platform/rate-limiting/ : Retry-After is how
  // long the app must wait; X-RateLimit-Reset is when the limit resets, as yyyy-MM-ddTHH:mmZ.
  it('honours a Retry-After longer than 30 s in full (it used to be cut to 30 s)', async () => {
    const budget = createRateBudget('acme', { maxLimited: 3, maxWaitMs: 600_000 });
    const { client, waits } = setup([limited({ 'Retry-After': '45' }), { body: {} }], budget, { random: () => 0 });
    await client.request('GET', '/rest/api/3/status');
    expect(waits).toEqual([45_000]);
  });

  it('reads the reset in the minute format Jira documents and waits for the later of the two headers', async () => {
    const budget = createRateBudget('acme', { maxLimited: 3, maxWaitMs: 600_000 });
    const { client, waits } = setup([limited({ 'Retry-After': '2', 'X-RateLimit-Reset': '2026-11-25T12:02Z' }), { body: {} }], budget, { random: () => 0 });
    await client.request('GET', '/rest/api/3/status');
    expect(waits).toEqual([120_000]);
  });

  it('adds jitter on top of what the site asked, never below it', async () => {
    const draws = [0.9, 0.1, 0.5];
    const { client, waits } = setup(
      [limited({ 'Retry-After': '10' }), limited({ 'Retry-After': '10' }), limited({ 'Retry-After': '10' }), { body: {} }],
      createRateBudget('acme', { maxLimited: 5, maxWaitMs: 600_000 }),
      { random: () => draws.shift() ?? 0 },
    );
    await client.request('GET', '/rest/api/3/status');
    expect(waits).toHaveLength(3);
    expect(new Set(waits).size).toBe(3);
    for (const w of waits) expect(w).toBeGreaterThanOrEqual(10_000);
    for (const w of waits) expect(w).toBeLessThanOrEqual(12_000);
  });

  it('a wait longer than the invocation has left stops with the time the site lets it back in', async () => {
    const budget = createRateBudget('acme', { maxLimited: 3, maxWaitMs: 3_600_000 });
    const { client, waits } = setup([limited({ 'Retry-After': '600' })], budget, { random: () => 0, remainingMs: () => 20_000 });
    const err = await client.request('GET', '/rest/api/3/status').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).resumeAtMs).toBe(NOW + 600_000);
    expect(waits).toEqual([]);
  });

  it('a run out of budget says when the site lets it back in', async () => {
    const budget = createRateBudget('acme', { maxLimited: 3, maxWaitMs: 60_000 });
    const { client } = setup([limited({ 'X-RateLimit-Reset': '2026-11-25T12:30Z' })], budget, { random: () => 0 });
    const err = await client.request('GET', '/rest/api/3/status').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BudgetExhaustedError);
    expect((err as BudgetExhaustedError).resumeAtMs).toBe(NOW + 30 * 60_000);
  });

  it('backs off exponentially on 5xx, dropped connections and cut-off bodies', async () => {
    const { client, waits } = setup([
      { status: 503 },
      { throws: new UnreachableError('reset') },
      { text: '{"issues": [' },
      { body: { fine: true } },
    ]);
    const res = await client.request('GET', '/rest/api/3/status');
    expect(await res.json()).toEqual({ fine: true });
    expect(waits).toEqual([500, 1000, 2000]);
  });

  it.each([400, 401, 403, 404])('never retries %i', async (status) => {
    const { client, log } = setup([{ status }]);
    expect((await client.request('GET', '/rest/api/3/status')).status).toBe(status);
    expect(log).toHaveLength(1);
  });

  it('stops the run cleanly once a site keeps limiting it, and says which site', async () => {
    const budget = createRateBudget('acme.atlassian.net', { maxLimited: 2, maxWaitMs: 60_000 });
    const { client } = setup(Array.from({ length: 5 }, () => limited({ 'Retry-After': '1' })), budget);
    const err = await client.request('GET', '/rest/api/3/status').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BudgetExhaustedError);
    expect((err as Error).message).toContain('acme.atlassian.net');
  });

  it('keeps separate budgets per site', async () => {
    const host = createRateBudget('host', { maxLimited: 1 });
    const other = createRateBudget('other', { maxLimited: 1 });
    const a = setup([{ status: 429, headers: { 'Retry-After': '0' } }, { body: {} }], host);
    const b = setup([{ status: 429, headers: { 'Retry-After': '0' } }, { body: {} }], other);
    await a.client.request('GET', '/x');
    await b.client.request('GET', '/x');
    expect([host.limitedCount, other.limitedCount]).toEqual([1, 1]);
  });
});
