import { BudgetExhaustedError, UnreachableError } from '../../src/sources/errors';
import { createRequestMeter } from '../../src/sources/request-meter';
import { createRateBudget, withRetries } from '../../src/sources/retrying-client';
import { scriptedClient, type Scripted } from './fake-site-client';

function setup(script: Scripted[], budget = createRateBudget('acme', { maxLimited: 3, maxWaitMs: 60_000 })) {
  const fake = scriptedClient(script);
  const waits: number[] = [];
  const meter = createRequestMeter();
  const client = withRetries(fake.client, {
    budget,
    meter,
    sleep: async (ms) => void waits.push(ms),
    random: () => 1,
    now: () => Date.parse('2026-11-25T12:00:00.000Z'),
  });
  return { client, waits, meter, log: fake.log, budget };
}

describe('retrying client', () => {
  it('waits what Retry-After says, then succeeds, counting calls and 429s by endpoint', async () => {
    const { client, waits, meter } = setup([{ status: 429, headers: { 'Retry-After': '3' } }, { body: { ok: 1 } }]);
    const res = await client.request('POST', '/rest/api/3/issue/bulkfetch', {});
    expect(res.status).toBe(200);
    expect(waits).toEqual([3000]);
    expect(meter.calls).toEqual({ 'POST /rest/api/3/issue/bulkfetch': 2 });
    expect(meter.rateLimited).toBe(1);
  });

  it('waits until X-RateLimit-Reset when no Retry-After is given', async () => {
    const { client, waits } = setup([{ status: 429, headers: { 'X-RateLimit-Reset': '2026-11-25T12:00:05.000Z' } }, { body: {} }]);
    await client.request('GET', '/rest/api/3/status');
    expect(waits).toEqual([5000]);
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
    const { client } = setup(Array.from({ length: 5 }, () => ({ status: 429, headers: { 'Retry-After': '1' } })), budget);
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
