import { createSiteEmulator, type SiteEmulator } from '../../local/site/emulator';
import { EMULATED_LATENCY_HEADER } from '../../local/site/latency';
import { jiraOnlySite, smallSite } from './fixtures/small-site';
import { call, type Json } from './helpers';

/** Fault injection (429, 5xx, latency, drops, truncation), seeded randomness, log and stats. */

let emu: SiteEmulator;
beforeEach(async () => {
  emu = await createSiteEmulator({ sites: [smallSite(), jiraOnlySite()], seed: 42 });
  emu.site('acme').setNow('2026-11-05T12:00:00.000Z');
});
afterEach(() => emu.close());

const myself = (site = 'acme') => call(emu.baseUrl, 'GET', '/rest/api/3/myself', { site, auth: site === 'acme' ? { forge: 'app' } : { token: ['bea@beta.test', 'tok-bea'] } });

describe('fault rules', () => {
  it('answers 429 with Retry-After for the given number of times, then recovers', async () => {
    emu.faults.add({ type: 'status429', retryAfterSec: 7, times: 2 });
    const a = await myself();
    expect(a.status).toBe(429);
    expect(a.headers['retry-after']).toBe('7');
    // The documented format, yyyy-MM-ddTHH:mmZ, rounded up to the minute.
    expect(a.headers['x-ratelimit-reset']).toBe('2026-11-05T12:01Z');
    expect((await myself()).status).toBe(429);
    expect((await myself()).status).toBe(200);
    expect(emu.faults.stats.status429).toBe(2);
  });

  it('can send only X-RateLimit-Reset, without Retry-After', async () => {
    emu.faults.add({ type: 'status429', resetHeaderOnly: true, retryAfterSec: 30, times: 1 });
    const r = await myself();
    expect(r.status).toBe(429);
    expect(r.headers).not.toHaveProperty('retry-after');
    expect(r.headers['x-ratelimit-reset']).toBe('2026-11-05T12:01Z');
  });

  it('answers the chosen 5xx in the API family error shape', async () => {
    emu.faults.add({ type: 'status5xx', status: 502, match: { pathPrefix: '/wiki/api/v2' }, times: 1 });
    const wiki = await call(emu.baseUrl, 'GET', '/wiki/api/v2/pages');
    expect(wiki.status).toBe(502);
    expect((wiki.json as Json).errors[0].status).toBe(502);
    expect((await myself()).status).toBe(200);
  });

  it('matches on site and method', async () => {
    emu.faults.add({ type: 'status5xx', status: 500, match: { site: 'beta-corp', method: 'GET' } });
    expect((await myself('acme')).status).toBe(200);
    expect((await myself('beta-corp')).status).toBe(500);
    const post = await call(emu.baseUrl, 'POST', '/rest/api/3/search/jql', { site: 'beta-corp', auth: { token: ['bea@beta.test', 'tok-bea'] }, body: { jql: 'project = BC' } });
    expect(post.status).toBe(200);
  });

  it("delays responses by the latency given ('sleep' mode, the default)", async () => {
    emu.faults.add({ type: 'latency', delayMs: 150, times: 1 });
    const t0 = Date.now();
    expect((await myself()).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect(emu.requestLog[0].ms).toBeGreaterThanOrEqual(140);
  });

  it("in 'report' mode answers at once and names the planned latency in a header instead", async () => {
    const reporting = await createSiteEmulator({ sites: [smallSite()], seed: 42, latency: 'report' });
    try {
      // An hour: a real wait would outlast the test's timeout.
      reporting.faults.add({ type: 'latency', delayMs: 3_600_000, times: 1 });
      reporting.faults.add({ type: 'status5xx', status: 503, times: 1 });
      const slow = await call(reporting.baseUrl, 'GET', '/rest/api/3/myself', { site: 'acme', auth: { forge: 'app' } });
      expect(slow.status).toBe(503);
      expect(slow.headers[EMULATED_LATENCY_HEADER]).toBe('3600000');
      expect(reporting.requestLog[0].ms).toBe(3_600_000);
      const next = await call(reporting.baseUrl, 'GET', '/rest/api/3/myself', { site: 'acme', auth: { forge: 'app' } });
      expect(next.status).toBe(200);
      expect(next.headers).not.toHaveProperty(EMULATED_LATENCY_HEADER);
    } finally {
      await reporting.close();
    }
  });

  it('drops the connection', async () => {
    emu.faults.add({ type: 'drop', times: 1 });
    await expect(myself()).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await myself()).status).toBe(200);
    expect(emu.requestLog[0]).toMatchObject({ status: 0, fault: 'drop' });
  });

  it('truncates the body halfway', async () => {
    const whole = await myself();
    emu.faults.add({ type: 'truncate', times: 1 });
    const cut = await myself();
    expect(cut.status).toBe(200);
    expect(cut.json).toBeUndefined();
    expect(cut.text.length).toBe(Math.floor(whole.text.length / 2));
    expect(() => JSON.parse(cut.text)).toThrow();
  });

  it('draws probabilities from a seeded RNG: the same seed gives the same sequence', async () => {
    const run = async (): Promise<number[]> => {
      emu.faults.clear();
      emu.faults.add({ type: 'status5xx', status: 503, probability: 0.5 });
      const out: number[] = [];
      for (let i = 0; i < 12; i++) out.push((await myself()).status);
      return out;
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    expect(a).toContain(503);
    expect(a).toContain(200);
  });

  it('rejects a probability outside 0..1', () => {
    expect(() => emu.faults.add({ type: 'drop', probability: 2 })).toThrow(/between 0 and 1/);
  });
});

describe('request log and stats', () => {
  it('records site, method, path, status and identity, and counts calls per endpoint template', async () => {
    await myself();
    await call(emu.baseUrl, 'GET', '/rest/api/3/issue/ALPHA-1/comment', { auth: { forge: 'user:u-bob' } });
    await call(emu.baseUrl, 'GET', '/rest/api/3/issue/ALPHA-2/comment', { auth: { token: ['bob@acme.test', 'nope'] } });
    expect(emu.requestLog.map((e) => [e.site, e.method, e.path, e.status, e.identity])).toEqual([
      ['acme', 'GET', '/rest/api/3/myself', 200, 'app'],
      ['acme', 'GET', '/rest/api/3/issue/ALPHA-1/comment', 200, 'user:u-bob'],
      ['acme', 'GET', '/rest/api/3/issue/ALPHA-2/comment', 401, 'none'],
    ]);
    expect(emu.stats()).toEqual({ 'GET /rest/api/3/issue/{issueIdOrKey}/comment': 2, 'GET /rest/api/3/myself': 1 });
    emu.resetLog();
    expect(emu.requestLog).toHaveLength(0);
    expect(emu.stats()).toEqual({});
  });
});
