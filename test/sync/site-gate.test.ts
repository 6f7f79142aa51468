import { hostDataSource } from '../../src/domain/config';
import { RateLimitError } from '../../src/sources/errors';
import { createRequestMeter } from '../../src/sources/request-meter';
import type { SiteClient, SiteResponse } from '../../src/sources/site-client';
import { invocationClients } from '../../src/sync/invocation-clients';
import { MAX_IN_FLIGHT_PER_SITE } from '../../src/sync/site-gate';

/**
 * The streams of an invocation share one gate per site: at most MAX_IN_FLIGHT_PER_SITE requests
 * in flight, and a pause one request was told to take (Retry-After) holds every stream's next
 * request (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/: a request sent
 * before the retry period expires fails again). Time is a number the test moves; nothing sleeps.
 */
function response(status: number, headers: Record<string, string> = {}): SiteResponse {
  return { status, headers: { get: (n) => headers[n.toLowerCase()] ?? null }, json: async () => ({}), text: async () => '{}' };
}

/** A site whose answers the test releases by hand, logging when each request arrived. */
function heldSite(product: 'jira' | 'confluence', clock: { now: number }) {
  const pending: { path: string; at: number; answer(res: SiteResponse): void }[] = [];
  const sent: { path: string; at: number }[] = [];
  const client: SiteClient = {
    dataSourceId: 'host',
    product,
    baseUrl: product === 'jira' ? 'https://acme.atlassian.net' : 'https://acme.atlassian.net/wiki',
    request(_method, path) {
      sent.push({ path, at: clock.now });
      return new Promise((resolve) => pending.push({ path, at: clock.now, answer: resolve }));
    },
  };
  return { client, pending, sent };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

function clientsOver(jira: SiteClient, confluence: SiteClient, clock: { now: number }, remainingMs = 60_000) {
  return invocationClients(
    {
      clientsFor: () => ({ jira, confluence }),
      remainingMs: () => remainingMs,
      now: () => clock.now,
      random: () => 0,
      sleep: async (ms) => {
        clock.now += ms;
      },
    },
    hostDataSource({ siteUrl: 'https://acme.atlassian.net', hasConfluence: true }, new Date(0).toISOString()),
    createRequestMeter(),
    { maxLimited: 10, maxWaitMs: 120_000, remainingShare: 0.85 },
  );
}

describe('the site gate shared by the streams of an invocation', () => {
  it(`keeps at most ${MAX_IN_FLIGHT_PER_SITE} requests in flight to one site, Jira and Confluence together`, async () => {
    const clock = { now: 0 };
    const jira = heldSite('jira', clock);
    const wiki = heldSite('confluence', clock);
    const clients = clientsOver(jira.client, wiki.client, clock);
    const calls = [
      ...Array.from({ length: 5 }, (_, i) => clients.jira!.request('GET', `/rest/api/3/a${i}`)),
      ...Array.from({ length: 5 }, (_, i) => clients.confluence!.request('GET', `/wiki/api/v2/b${i}`)),
    ];
    let most = 0;
    let answered = 0;
    while (answered < calls.length) {
      await settle();
      const inFlight = [...jira.pending, ...wiki.pending];
      most = Math.max(most, inFlight.length);
      expect(inFlight.length).toBeGreaterThan(0);
      for (const p of [jira.pending, wiki.pending]) {
        const next = p.shift();
        if (next) {
          next.answer(response(200));
          answered += 1;
        }
      }
    }
    await Promise.all(calls);
    expect(most).toBe(MAX_IN_FLIGHT_PER_SITE);
    expect(jira.sent).toHaveLength(5);
    expect(wiki.sent).toHaveLength(5);
  });

  it("holds another stream's next request to the same product until the Retry-After one stream was given", async () => {
    const clock = { now: 1_000_000 };
    const jira = heldSite('jira', clock);
    const wiki = heldSite('confluence', clock);
    // Waits are held by the test: the clock moves only when it lets them end.
    const waits: { ms: number; end(): void }[] = [];
    const clients = invocationClients(
      {
        clientsFor: () => ({ jira: jira.client, confluence: wiki.client }),
        remainingMs: () => 60_000,
        now: () => clock.now,
        random: () => 0,
        sleep: (ms) => new Promise<void>((resolve) => waits.push({ ms, end: resolve })),
      },
      hostDataSource({ siteUrl: 'https://acme.atlassian.net', hasConfluence: true }, new Date(0).toISOString()),
      createRequestMeter(),
      { maxLimited: 10, maxWaitMs: 120_000, remainingShare: 0.85 },
    );
    const limited = clients.jira!.request('GET', '/rest/api/3/search/jql');
    await settle();
    jira.pending.shift()!.answer(response(429, { 'retry-after': '30' }));
    await settle();
    expect(waits.map((w) => w.ms)).toEqual([30_000]);
    // Another Jira stream asks while that request waits out its 30 s: it waits too, unsent.
    // Confluence limits apart: its request goes at once.
    const other = clients.jira!.request('GET', '/rest/api/3/worklog/updated');
    const wikiCall = clients.confluence!.request('GET', '/wiki/api/v2/pages');
    await settle();
    expect(jira.sent.map((s) => s.path)).toEqual(['/rest/api/3/search/jql']);
    expect(wiki.sent.map((s) => s.at)).toEqual([1_000_000]);
    expect(waits.map((w) => w.ms)).toEqual([30_000, 30_000]);
    wiki.pending.shift()!.answer(response(200));
    expect((await wikiCall).status).toBe(200);
    clock.now += 30_000;
    for (const w of waits.splice(0)) w.end();
    await settle();
    expect(jira.sent.map((s) => s.at)).toEqual([1_000_000, 1_030_000, 1_030_000]);
    for (const p of jira.pending.splice(0)) p.answer(response(200));
    expect((await limited).status).toBe(200);
    expect((await other).status).toBe(200);
    // The retried request waited once (30 s, jitter 0 here), not again at the gate.
    expect(jira.sent.map((s) => s.path).sort()).toEqual(['/rest/api/3/search/jql', '/rest/api/3/search/jql', '/rest/api/3/worklog/updated']);
    expect(waits).toHaveLength(0);
  });

  it('stops a stream with the time the site lets it back in when the pause outlasts the invocation', async () => {
    const clock = { now: 1_000_000 };
    const jira = heldSite('jira', clock);
    const wiki = heldSite('confluence', clock);
    const clients = clientsOver(jira.client, wiki.client, clock, 20_000);
    const limited = clients.jira!.request('GET', '/rest/api/3/search/jql');
    await settle();
    jira.pending.shift()!.answer(response(429, { 'retry-after': '600' }));
    // Longer than the run's wait budget too: that stream stops with the time to resume.
    await expect(limited).rejects.toMatchObject({ resumeAtMs: expect.any(Number) });
    const other = clients.jira!.request('GET', '/rest/api/3/worklog/updated');
    await expect(other).rejects.toMatchObject({ resumeAtMs: 1_600_000 });
    await expect(other).rejects.toBeInstanceOf(RateLimitError);
    expect(jira.sent.map((s) => s.path)).toEqual(['/rest/api/3/search/jql']);
  });
});
