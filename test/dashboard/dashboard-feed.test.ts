import { containerKey, type Activity } from '../../src/domain/activity';
import { CSV_COLUMNS } from '../../src/insights/csv';
import { resolveRange } from '../../src/insights/date-range';
import type { DashboardExport, DashboardFeed, FeedEvent } from '../../src/shared/dashboard-contract';
import { generateActivity } from './helpers/activities';
import { PLACES, seededActivities, startDashboardEnv, USERS, type DashboardEnv } from './helpers/dashboard-env';

const today = () => new Date().toISOString().slice(0, 10);

/** Newest first; equal instants in any order, so compare as sorted id lists per instant. */
function expectedIds(all: Activity[], range: '7d' | '30d' | '90d', pred: (a: Activity) => boolean = () => true): string[] {
  const r = resolveRange({ range }, today());
  return all
    .filter((a) => a.at.slice(0, 10) >= r.from && a.at.slice(0, 10) <= r.to && pred(a))
    .sort((a, b) => b.at.localeCompare(a.at))
    .map((a) => a.id);
}

/** Minimal RFC 4180 reader for the test's own check of the export. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r') continue;
    else if (ch === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += ch;
  }
  return rows;
}

describe('dashboard/feed and dashboard/export over the local platform', () => {
  let env: DashboardEnv;
  let all: Activity[];
  beforeAll(async () => {
    env = await startDashboardEnv();
    const list = seededActivities(700, 100, 23);
    // A title a spreadsheet would run as a formula, with a quote and a comma.
    const sample = generateActivity({ kind: 'jira.comment', teammateId: 'tm-a', at: new Date(Date.now() - 60_000).toISOString(), dataSourceId: 'host', container: PLACES[0].c });
    list.push({ ...sample, entity: { ...sample.entity, title: '=HYPERLINK("x"), "quoted"' } });
    await env.store(list);
    all = await env.stored();
  });
  afterAll(() => env.close());

  async function pageAll(filters: unknown, who: string = USERS.lead, limit = 25): Promise<{ events: FeedEvent[]; pages: number }> {
    const events: FeedEvent[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const r = await env.call<DashboardFeed>('dashboard/feed', { filters, limit, ...(cursor ? { cursor } : {}) }, who);
      if (!r.ok) throw new Error(r.error.message);
      events.push(...r.data.events);
      cursor = r.data.nextCursor;
      pages++;
    } while (cursor && pages < 200);
    return { events, pages };
  }

  const sameSet = (events: FeedEvent[], ids: string[]) => {
    expect(events.map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    for (let i = 1; i < events.length; i++) expect(events[i - 1].at >= events[i].at).toBe(true);
  };

  it('pages through every event of the range newest first, without gaps or repeats', async () => {
    const { events, pages } = await pageAll({ range: '30d' });
    sameSet(events, expectedIds(all, '30d'));
    expect(pages).toBeGreaterThan(3);
  });

  it.each([
    ['teammate', { teammateId: 'tm-b' }, (a: Activity) => a.teammateId === 'tm-b'],
    ['team', { teamId: 'core' }, (a: Activity) => a.teammateId !== 'tm-c'],
    ['kind', { kind: 'confluence.comment' }, (a: Activity) => a.kind === 'confluence.comment'],
    ['source', { source: 'jira' }, (a: Activity) => a.source === 'jira'],
    ['data source', { dataSourceId: 'globex' }, (a: Activity) => a.dataSourceId === 'globex'],
    ['space', { container: 'host/space:30000' }, (a: Activity) => containerKey(a.dataSourceId, a.container) === 'host/space:30000'],
    ['teammate + kind', { teammateId: 'tm-a', kind: 'jira.worklog' }, (a: Activity) => a.teammateId === 'tm-a' && a.kind === 'jira.worklog'],
  ])('filters by %s', async (_n, f, pred) => {
    const ids = expectedIds(all, '90d', pred);
    expect(ids.length).toBeGreaterThan(0);
    const { events } = await pageAll({ range: '90d', ...f }, USERS.lead, 10);
    sameSet(events, ids);
  });

  it('each event has actor, kind, title, time and a link to the item on its site', async () => {
    const r = await env.call<DashboardFeed>('dashboard/feed', { filters: { range: '7d' }, limit: 5 }, USERS.admin);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const byId = new Map(all.map((a) => [a.id, a]));
    for (const e of r.data.events) {
      const a = byId.get(e.id)!;
      expect(e).toMatchObject({ at: a.at, kind: a.kind, title: a.entity.title, url: a.url, restricted: null });
      expect(e.teammateName).toMatch(/Ada|Bo|Cy/);
    }
  });

  it('events in places the viewer cannot browse are listed as restricted, without title or link', async () => {
    const rita = await pageAll({ range: '90d' }, USERS.rita, 100);
    const lead = await pageAll({ range: '90d' }, USERS.lead, 100);
    expect(rita.events.length).toBe(lead.events.length);
    const hidden = (e: FeedEvent) => {
      const a = all.find((x) => x.id === e.id)!;
      return a.dataSourceId === 'host' && ['10001', '30001'].includes(a.container.id);
    };
    const restricted = rita.events.filter(hidden);
    expect(restricted.length).toBeGreaterThan(0);
    for (const e of restricted) expect(e).toMatchObject({ restricted: 'permission', title: null, url: null, entityKey: null, container: { key: null, name: null } });
    for (const e of rita.events.filter((x) => !hidden(x))) expect(e.title).not.toBeNull();
    expect(lead.events.every((e) => e.restricted === null)).toBe(true);
  });

  it('privacy mode hides every title, also from admins', async () => {
    await env.setSettings({ privacyMode: true });
    try {
      const r = await env.call<DashboardFeed>('dashboard/feed', { filters: { range: '30d' }, limit: 20 }, USERS.admin);
      expect(r.ok && r.data.events.length).toBeGreaterThan(0);
      if (r.ok) for (const e of r.data.events) expect(e).toMatchObject({ title: null, url: null, restricted: 'privacy-mode' });
    } finally {
      await env.setSettings({});
    }
  });

  it('refuses a viewer outside the allowed groups, and cursors that are not its own', async () => {
    expect(await env.call('dashboard/feed', { filters: {} }, USERS.hugo)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await env.call('dashboard/export', { filters: {} }, USERS.hugo)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const zone = await env.call('dashboard/export', { filters: {}, timeZone: 'Mars/Olympus' }, USERS.lead);
    expect(zone).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'timeZone', message: expect.stringContaining('IANA time zone') } });
    const first = await env.call<DashboardFeed>('dashboard/feed', { filters: { range: '30d' } }, USERS.lead);
    const cursor = first.ok ? first.data.nextCursor : undefined;
    expect(cursor).toBeDefined();
    const other = await env.call('dashboard/feed', { filters: { range: '90d' }, cursor }, USERS.lead);
    expect(other).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'cursor', message: expect.stringContaining('other filters') } });
    const junk = await env.call('dashboard/feed', { filters: {}, cursor: 'not-a-cursor' }, USERS.lead);
    expect(junk).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'cursor' } });
    expect(await env.call('dashboard/feed', { filters: {}, limit: 1000 }, USERS.lead)).toMatchObject({ ok: false, error: { field: 'limit' } });
  });

  it('exports the filtered events as CSV, restricted rows included but without titles', async () => {
    let csv = '';
    let cursor: string | undefined;
    let rows = 0;
    do {
      const r = await env.call<DashboardExport>('dashboard/export', { filters: { range: '90d', source: 'jira' }, timeZone: 'Asia/Kolkata', ...(cursor ? { cursor } : {}) }, USERS.rita);
      if (!r.ok) throw new Error(r.error.message);
      csv += r.data.csv;
      rows += r.data.rows;
      cursor = r.data.nextCursor;
    } while (cursor);
    expect(csv.startsWith('\uFEFFtime,')).toBe(true); // one byte order mark, at the very start
    expect(csv.lastIndexOf('\uFEFF')).toBe(0);
    const table = parseCsv(csv.slice(1));
    expect(table[0]).toEqual([...CSV_COLUMNS]);
    // times in the viewer's zone with its offset; data sources by name
    for (const r of table.slice(1)) expect(r[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:30$/);
    const sources = new Set(table.slice(1).map((r) => r[4]));
    expect(sources).toContain('Globex');
    expect(sources).not.toContain('host');
    expect(sources).not.toContain('globex');
    const ids = expectedIds(all, '90d', (a) => a.source === 'jira');
    expect(table.length - 1).toBe(ids.length);
    expect(rows).toBe(ids.length);
    const byUrl = new Map(all.map((a) => [a.url, a]));
    const secretRows = table.slice(1).filter((r) => r[5] === 'restricted');
    expect(secretRows.length).toBe(all.filter((a) => ids.includes(a.id) && a.dataSourceId === 'host' && a.container.id === '10001').length);
    for (const r of secretRows) expect([r[7], r[8], r[9]]).toEqual(['restricted', 'restricted', '']);
    for (const r of table.slice(1).filter((x) => x[9] !== '')) expect(byUrl.get(r[9])?.entity.title).toBe(r[8].replace(/^'/, ''));
    expect(csv).toContain(`"'=HYPERLINK(""x""), ""quoted"""`);
  });
});
