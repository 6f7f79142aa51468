import { createSiteEmulator, type SiteEmulator } from '../../local/site/emulator';
import { smallSite } from './fixtures/small-site';
import { APP, asUser, call, type Auth, type Json } from './helpers';

/** search/jql: token paging, JQL windows (epoch ms and zoned dates), ordering, errors; bulkfetch. */

let emu: SiteEmulator;
beforeAll(async () => {
  emu = await createSiteEmulator({ sites: [smallSite()] });
});
afterAll(() => emu.close());

async function jql(query: string, opts: { auth?: Auth; extra?: string } = {}): Promise<{ status: number; body: Json }> {
  const r = await call(emu.baseUrl, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(query)}${opts.extra ?? ''}`, { auth: opts.auth });
  return { status: r.status, body: r.json };
}
const keysOf = async (query: string, auth: Auth = APP): Promise<string[]> => {
  const r = await call(emu.baseUrl, 'POST', '/rest/api/3/search/jql', { auth, body: { jql: query, fields: ['summary'], maxResults: 100 } });
  expect(r.status).toBe(200);
  return (r.json as Json).issues.map((i: Json) => i.key);
};

describe('paging', () => {
  it('walks nextPageToken to the end; the last page has isLast and no token; deleted issues never appear', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await call(emu.baseUrl, 'POST', '/rest/api/3/search/jql', { body: { jql: 'project = OPEN ORDER BY key ASC', maxResults: 3, nextPageToken: token } });
      const b = r.json as Json;
      seen.push(...b.issues.map((i: Json) => i.id));
      token = b.nextPageToken;
      pages += 1;
      expect(b.isLast).toBe(token === undefined);
      expect(b).not.toHaveProperty('total');
    } while (token);
    expect(pages).toBe(2);
    expect(seen).toEqual(['10103', '10104', '10105', '10106']);
  });

  it('returns ids only unless fields are asked for', async () => {
    const { body } = await jql('project = OPEN');
    expect(body.issues[0]).toEqual({ id: expect.any(String) });
  });

  it('rejects a token minted for another query', async () => {
    const first = await jql('project = OPEN', { extra: '&maxResults=1' });
    const r = await jql('project = ALPHA', { extra: `&nextPageToken=${encodeURIComponent(first.body.nextPageToken)}` });
    expect(r.status).toBe(400);
  });
});

describe('JQL', () => {
  it('refuses unbounded queries like Jira', async () => {
    for (const q of ['', 'ORDER BY key DESC']) {
      const r = await jql(q);
      expect(r.status).toBe(400);
      expect(r.body.errorMessages[0]).toMatch(/Unbounded JQL queries are not allowed/);
    }
  });

  it('applies an epoch-ms window with an inclusive start and exclusive end', async () => {
    const start = Date.parse('2026-11-02T18:00:00.000Z');
    const end = Date.parse('2026-11-04T18:00:00.000Z');
    expect(await keysOf(`project = OPEN AND updated >= ${start} AND updated < ${end} ORDER BY updated ASC`)).toEqual(['OPEN-2', 'OPEN-3']);
  });

  it("reads quoted dates in the caller's time zone (the trap the sync avoids with epoch ms)", async () => {
    const q = 'project = OPEN AND updated >= "2026-11-01 23:00" AND updated < "2026-11-02 19:00"';
    expect(await keysOf(q, APP)).toEqual(['OPEN-2']);
    // Ada's zone is Europe/Berlin (UTC+1): her window ends at 18:00Z, which excludes OPEN-2.
    expect(await keysOf(q, asUser('u-ada'))).toEqual([]);
  });

  it('supports AND/OR/parentheses, issuekey and id lists, and ORDER BY', async () => {
    expect(await keysOf('(project = ALPHA OR project = BETA) AND created < "2026-11-03" ORDER BY created ASC')).toEqual(['ALPHA-1', 'BETA-1']);
    expect(await keysOf('issuekey in (OPEN-1, OPEN-3) OR id = 10102 ORDER BY key DESC')).toEqual(['OPEN-3', 'OPEN-1', 'BETA-1']);
    expect(await keysOf('project in (OPEN) ORDER BY updated DESC')).toEqual(['OPEN-4', 'OPEN-3', 'OPEN-2', 'OPEN-1']);
    expect(await keysOf('project = OPEN AND NOT issuekey = OPEN-1 ORDER BY id')).toEqual(['OPEN-2', 'OPEN-3', 'OPEN-4']);
  });

  it('answers 400 with specific messages for unknown fields, projects, sort fields and bad dates', async () => {
    const cases: Array<[string, RegExp]> = [
      ['foo = 1', /Field 'foo' does not exist/],
      ['project = NOPE', /The value 'NOPE' does not exist for the field 'project'/],
      ['project = OPEN ORDER BY summary', /Not able to sort using field 'summary'/],
      ['updated >= "yesterday"', /Date value 'yesterday' for field 'updated' is invalid/],
      ['project = "OPEN', /not closed/],
    ];
    for (const [q, msg] of cases) {
      const r = await jql(q);
      expect(r.status).toBe(400);
      expect(r.body.errorMessages[0]).toMatch(msg);
    }
  });

  it('treats a project the caller cannot browse as nonexistent', async () => {
    const r = await jql('project = BETA', { auth: asUser('u-bob') });
    expect(r.status).toBe(400);
    expect(await keysOf('project in (ALPHA, OPEN) ORDER BY key', asUser('u-bob'))).toContain('ALPHA-1');
  });
});

describe('expand=changelog', () => {
  it('caps inline histories at 40, newest first, with the real total', async () => {
    const { body } = await jql('issuekey = ALPHA-2', { extra: '&fields=summary&expand=changelog' });
    const log = body.issues[0].changelog;
    expect(log.total).toBe(45);
    expect(log.histories).toHaveLength(40);
    expect(log.maxResults).toBe(40);
    expect(log.histories[0].id).toBe('20044');
    const times = log.histories.map((h: Json) => Date.parse(h.created.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(log.histories.some((h: Json) => h.author === undefined)).toBe(true);
  });
});

describe('removed search and bulkfetch', () => {
  it('answers 410 on the removed /rest/api/3/search', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const path = method === 'GET' ? '/rest/api/3/search?jql=project%3DOPEN' : '/rest/api/3/search';
      const r = await call(emu.baseUrl, method, path, { body: method === 'POST' ? { jql: 'project = OPEN' } : undefined });
      expect(r.status).toBe(410);
      expect((r.json as Json).errorMessages[0]).toMatch(/search\/jql/);
    }
  });

  it('bulk-fetches up to 100 issues with navigable fields by default, skipping missing and hidden ones', async () => {
    const r = await call(emu.baseUrl, 'POST', '/rest/api/3/issue/bulkfetch', { auth: asUser('u-bob'), body: { issueIdsOrKeys: ['ALPHA-1', 'BETA-1', 'OPEN-9', 'X-1'] } });
    const b = r.json as Json;
    expect(b.issues.map((i: Json) => i.key)).toEqual(['ALPHA-1']);
    expect(b.issues[0].fields.summary).toBe('Set up the build');
    expect(b.issues[0].fields.status.statusCategory.key).toBe('done');
    expect(b.issues[0].fields.created).toBe('2026-11-01T04:00:00.000-0500');
    const tooMany = await call(emu.baseUrl, 'POST', '/rest/api/3/issue/bulkfetch', { body: { issueIdsOrKeys: Array.from({ length: 101 }, (_, i) => `OPEN-${i}`) } });
    expect(tooMany.status).toBe(400);
  });

  it('rejects unknown POST body properties, naming them', async () => {
    const r = await call(emu.baseUrl, 'POST', '/rest/api/3/search/jql', { body: { jql: 'project = OPEN', startAt: 5 } });
    expect(r.status).toBe(400);
    expect((r.json as Json).errorMessages[0]).toMatch(/startAt/);
    expect(emu.takeViolations()).toEqual([expect.objectContaining({ method: 'POST', path: '/rest/api/3/search/jql', violations: [expect.stringMatching(/additional properties: 'startAt'/)] })]);
  });
});
