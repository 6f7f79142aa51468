import { createSiteEmulator, type SiteEmulator } from '../../local/site/emulator';
import { smallSite } from './fixtures/small-site';
import { asUser, call, type Json } from './helpers';

/** Changelog bulkfetch and per-issue pages, comments, worklog feeds and lists. */

let emu: SiteEmulator;
beforeEach(async () => {
  emu = await createSiteEmulator({ sites: [smallSite()] });
  emu.site('acme').setNow('2026-11-05T12:00:00.000Z');
});
afterEach(() => emu.close());

const post = async (path: string, body: unknown, auth = undefined as ReturnType<typeof asUser> | undefined): Promise<{ status: number; body: Json }> => {
  const r = await call(emu.baseUrl, 'POST', path, { body, auth });
  return { status: r.status, body: r.json };
};
const get = async (path: string, auth?: ReturnType<typeof asUser>): Promise<{ status: number; body: Json }> => {
  const r = await call(emu.baseUrl, 'GET', path, { auth });
  return { status: r.status, body: r.json };
};
const utcMs = (jira: string): number => Date.parse(jira.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));

describe('changelog/bulkfetch', () => {
  it('pages through every history ordered by date then issue id', async () => {
    const all: Array<{ issueId: string; id: string; at: number }> = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await post('/rest/api/3/changelog/bulkfetch', { issueIdsOrKeys: ['ALPHA-2', 'ALPHA-1'], maxResults: 7, nextPageToken: token });
      expect(r.status).toBe(200);
      for (const log of r.body.issueChangeLogs) for (const h of log.changeHistories) all.push({ issueId: log.issueId, id: h.id, at: utcMs(h.created) });
      token = r.body.nextPageToken;
      pages += 1;
    } while (token);
    expect(all).toHaveLength(47);
    expect(pages).toBe(7);
    expect(new Set(all.map((h) => h.id)).size).toBe(47);
    const order = [...all].sort((a, b) => a.at - b.at || Number(a.issueId) - Number(b.issueId));
    expect(all.map((h) => h.id)).toEqual(order.map((h) => h.id));
  });

  it('filters by fieldIds and validates limits', async () => {
    const r = await post('/rest/api/3/changelog/bulkfetch', { issueIdsOrKeys: ['ALPHA-1', 'ALPHA-2'], fieldIds: ['resolution'] });
    const items = r.body.issueChangeLogs.flatMap((l: Json) => l.changeHistories.flatMap((h: Json) => h.items));
    expect(items).toEqual([expect.objectContaining({ fieldId: 'resolution', toString: 'Done' })]);
    expect((await post('/rest/api/3/changelog/bulkfetch', { issueIdsOrKeys: Array.from({ length: 1001 }, (_, i) => String(i)) })).status).toBe(400);
    expect((await post('/rest/api/3/changelog/bulkfetch', { issueIdsOrKeys: ['ALPHA-1'], maxResults: 10001 })).status).toBe(400);
    expect((await post('/rest/api/3/changelog/bulkfetch', { issueIdsOrKeys: ['ALPHA-1'], fieldIds: Array.from({ length: 11 }, (_, i) => `f${i}`) })).status).toBe(400);
    expect(emu.takeViolations().map((v) => v.violations.join())).toEqual([
      expect.stringMatching(/issueIdsOrKeys must NOT have more than 1000 items/),
      expect.stringMatching(/maxResults must be <= 10000/),
      expect.stringMatching(/fieldIds must NOT have more than 10 items/),
    ]);
  });

  it('leaves out issues the caller cannot see', async () => {
    const r = await post('/rest/api/3/changelog/bulkfetch', { issueIdsOrKeys: ['ALPHA-1'] }, asUser('u-cara'));
    expect(r.body.issueChangeLogs).toEqual([]);
  });
});

describe('per-issue changelog', () => {
  it('pages oldest first with startAt, total and isLast', async () => {
    const first = await get('/rest/api/3/issue/ALPHA-2/changelog?maxResults=20');
    expect(first.body).toMatchObject({ startAt: 0, maxResults: 20, total: 45, isLast: false });
    expect(first.body.values[0].id).toBe('20000');
    expect(first.body.nextPage).toContain('startAt=20');
    const last = await get('/rest/api/3/issue/ALPHA-2/changelog?startAt=40&maxResults=20');
    expect(last.body.values.map((h: Json) => h.id)).toEqual(['20040', '20041', '20042', '20043', '20044']);
    expect(last.body.isLast).toBe(true);
    expect(last.body).not.toHaveProperty('nextPage');
    expect((await get('/rest/api/3/issue/OPEN-9/changelog')).status).toBe(404);
  });
});

describe('comments', () => {
  it('lists live comments per issue in either order and hides deleted ones', async () => {
    const asc = await get('/rest/api/3/issue/ALPHA-1/comment');
    expect(asc.body.comments.map((c: Json) => c.id)).toEqual(['40000', '40001']);
    expect(asc.body.total).toBe(2);
    const desc = await get('/rest/api/3/issue/10100/comment?orderBy=-created&maxResults=1');
    expect(desc.body.comments.map((c: Json) => c.id)).toEqual(['40001']);
    expect(desc.body.comments[0].updateAuthor.accountId).toBe('u-ada');
    expect((await get('/rest/api/3/issue/ALPHA-1/comment?orderBy=author')).status).toBe(400);
    expect(emu.takeViolations().map((v) => v.violations.join())).toEqual([expect.stringMatching(/orderBy must be equal to one of the allowed values/)]);
  });

  it('comment/list returns visible, undeleted comments and enforces 1..1000 ids', async () => {
    const r = await post('/rest/api/3/comment/list', { ids: [40000, 40002, 40003] }, asUser('u-bob'));
    expect(r.body.values.map((c: Json) => c.id)).toEqual(['40000']);
    expect(r.body.isLast).toBe(true);
    expect((await post('/rest/api/3/comment/list', { ids: [] })).status).toBe(400);
    expect((await post('/rest/api/3/comment/list', { ids: Array.from({ length: 1001 }, (_, i) => i + 1) })).status).toBe(400);
  });
});

describe('worklog feeds', () => {
  it('lists updated worklogs since a time, inclusive, and skips the last minute', async () => {
    const site = emu.site('acme');
    site.addWorklog('OPEN-1', { authorId: 'u-ada', started: '2026-11-05T09:00:00.000+0000', timeSpentSeconds: 60, at: '2026-11-05T11:58:00.000Z' });
    site.addWorklog('OPEN-1', { authorId: 'u-ada', started: '2026-11-05T09:00:00.000+0000', timeSpentSeconds: 60, at: '2026-11-05T11:59:30.000Z' });
    const since = Date.parse('2026-11-02T15:00:00.000Z');
    const r = await get(`/rest/api/3/worklog/updated?since=${since}`);
    expect(r.body.values.map((v: Json) => v.updatedTime)).toEqual([since, Date.parse('2026-11-05T11:58:00.000Z')]);
    expect(r.body.lastPage).toBe(true);
    expect(r.body.until).toBe(Date.parse('2026-11-05T11:58:00.000Z'));
    expect(typeof r.body.values[0].worklogId).toBe('number');
  });

  it('pages 1000 at a time oldest first with nextPage until lastPage', async () => {
    const site = emu.site('acme');
    for (let i = 0; i < 1100; i++) {
      site.addWorklog('OPEN-2', { authorId: 'u-ada', started: '2026-11-04T09:00:00.000+0000', timeSpentSeconds: 60, at: new Date(Date.parse('2026-11-04T00:00:00Z') + i * 1000).toISOString() });
    }
    const ids = new Set<number>();
    let path = '/rest/api/3/worklog/updated?since=0';
    for (let page = 0; page < 5; page++) {
      const r = await get(path);
      expect(r.body.values.length).toBeLessThanOrEqual(1000);
      r.body.values.forEach((v: Json) => ids.add(v.worklogId));
      if (r.body.lastPage) break;
      path = new URL(r.body.nextPage).pathname + new URL(r.body.nextPage).search;
    }
    expect(ids.size).toBe(1100 + 2);
  });

  it('reports deleted worklogs with their deletion time, and worklog/list skips them', async () => {
    const d = await get('/rest/api/3/worklog/deleted?since=0');
    expect(d.body.values).toEqual([{ worklogId: 50001, updatedTime: Date.parse('2026-11-02T17:00:00.000Z'), properties: [] }]);
    const list = await post('/rest/api/3/worklog/list', { ids: [50000, 50001, 50002] }, asUser('u-bob'));
    expect(list.body.map((w: Json) => w.id)).toEqual(['50000']);
    expect(list.body[0]).toMatchObject({ issueId: '10100', timeSpentSeconds: 5400, timeSpent: '1h 30m' });
    expect(utcMs(list.body[0].started)).toBe(Date.parse('2026-11-02T14:00:00.000Z'));
  });

  it('per-issue worklogs honour startedAfter', async () => {
    const r = await get(`/rest/api/3/issue/BETA-1/worklog?startedAfter=${Date.parse('2026-11-02T03:00:00Z')}`);
    expect(r.body.worklogs.map((w: Json) => w.id)).toEqual(['50002']);
    const none = await get(`/rest/api/3/issue/BETA-1/worklog?startedAfter=${Date.parse('2026-11-02T04:00:00Z')}`);
    expect(none.body.total).toBe(0);
  });
});
