import type { Activity } from '../../src/domain/activity';
import type { DataSource } from '../../src/domain/config';
import type { DashboardFeed, FeedEvent } from '../../src/shared/dashboard-contract';
import { generateActivity } from './helpers/activities';
import { dashboardSite, startDashboardEnv, USERS, type DashboardEnv } from './helpers/dashboard-env';

/**
 * Issue security levels and page restrictions. On the host each viewer's own access to the item
 * decides (asked as the viewer, at most one Jira and one Confluence call per feed page); on another
 * site a restricted item, or one not known to be unrestricted, is counted without its title unless
 * the admin allows titles of restricted items for that source.
 */
// Only guards a hang: the first call loads the whole app, which a loaded machine does slowly.
jest.setTimeout(120_000);

const ENG = { type: 'project' as const, id: '10000', key: 'ENG', name: 'Engineering' };
const GLX = { type: 'project' as const, id: '20000', key: 'GLX', name: 'Globex' };
const DOCS = { type: 'space' as const, id: '30000', key: 'DOCS', name: 'Docs' };

function site() {
  const f = dashboardSite();
  // Rita and Lee both browse ENG and view DOCS; only Lee (secret-keepers) is in the level.
  f.securityLevels = [{ id: '10400', name: 'Keepers', groups: ['secret-keepers'], accountIds: [] }];
  return f;
}

describe('restricted issues and pages on the dashboard', () => {
  let env: DashboardEnv;
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const issue = (n: number, title: string): Activity =>
    generateActivity({ id: `jira:host:r:${n}`, kind: 'jira.issue.created', at: at(n), container: ENG, entity: { type: 'issue', id: String(50_000 + n), key: `ENG-${n}`, title } });
  const page = (n: number, title: string): Activity =>
    generateActivity({ id: `confluence:host:r:${n}`, kind: 'confluence.page.created', at: at(n), container: DOCS, entity: { type: 'page', id: String(60_000 + n), key: String(60_000 + n), title } });
  const other = (n: number, restricted: Activity['restricted']): Activity =>
    generateActivity({ id: `jira:globex:r:${n}`, kind: 'jira.issue.created', at: at(n), dataSourceId: 'globex', container: GLX, restricted, entity: { type: 'issue', id: String(70_000 + n), key: `GLX-${n}`, title: `Globex ${String(restricted)}` } });

  const list = [
    issue(1, 'Secret issue'), issue(2, 'Open issue'),
    page(3, 'Secret page'), page(4, 'Child of the secret page'), page(5, 'Open page'),
    // Enough open items to need a full page of answers: 40 issues and 40 pages.
    ...Array.from({ length: 40 }, (_, i) => issue(100 + i, `Open issue ${i}`)),
    ...Array.from({ length: 40 }, (_, i) => page(200 + i, `Open page ${i}`)),
    other(300, true), other(301, false), other(302, 'unknown'),
  ];

  beforeAll(async () => {
    env = await startDashboardEnv({ sites: [site()] });
    await env.store(list);
    const state = env.platform.sites!.site('acme');
    state.raw.issues.find((i) => i.key === 'ENG-1')!.securityLevelId = '10400';
    const secret = state.raw.contents.find((c) => c.id === '60003')!;
    secret.readRestrictions = { groups: ['secret-keepers'], accountIds: [] };
    state.raw.contents.find((c) => c.id === '60004')!.parentId = secret.id;
    const now = new Date().toISOString();
    const globex: DataSource = { id: 'globex', kind: 'cloud', name: 'Globex', enabled: true, jiraUrl: 'https://globex.atlassian.net', jiraEmail: 'x@globex.test', tokenKind: 'classic', createdAt: now, updatedAt: now };
    await env.saveDataSource(globex);
  });
  afterAll(() => env.close());

  async function feed(who: string): Promise<Map<string, FeedEvent>> {
    const r = await env.call<DashboardFeed>('dashboard/feed', { filters: { range: '7d' }, limit: 100 }, who);
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
    expect(r.data.events).toHaveLength(list.length);
    return new Map(r.data.events.map((e) => [e.id, e]));
  }
  const hidden = (e: FeedEvent | undefined) => ({ title: e?.title, url: e?.url, entityKey: e?.entityKey, restricted: e?.restricted !== null });
  const HIDDEN = { title: null, url: null, entityKey: null, restricted: true };

  it('hides a restricted issue and page (and its child page) from a viewer not allowed, per item', async () => {
    const rita = await feed(USERS.rita);
    for (const id of ['jira:host:r:1', 'confluence:host:r:3', 'confluence:host:r:4']) expect([id, hidden(rita.get(id))]).toEqual([id, HIDDEN]);
    expect(rita.get('jira:host:r:1')!.restricted).toBe('permission');
    for (const id of ['jira:host:r:2', 'confluence:host:r:5', 'jira:host:r:100', 'confluence:host:r:200']) {
      expect([id, rita.get(id)!.title, rita.get(id)!.restricted]).toEqual([id, expect.stringContaining('Open'), null]);
    }
  });

  it('leaves them out of the CSV export the same way', async () => {
    const r = await env.call<{ csv: string }>('dashboard/export', { filters: { range: '7d' } }, USERS.rita);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.csv).toContain('Open issue');
    expect(r.data.csv).not.toMatch(/Secret|Child of the secret/);
  });

  it('shows them to a viewer the level and the restriction allow', async () => {
    const lee = await feed(USERS.lead);
    expect(lee.get('jira:host:r:1')).toMatchObject({ title: 'Secret issue', url: expect.stringContaining('ENG-1'), restricted: null, container: { key: 'ENG' } });
    expect(lee.get('confluence:host:r:3')).toMatchObject({ title: 'Secret page', restricted: null });
    expect(lee.get('confluence:host:r:4')).toMatchObject({ title: 'Child of the secret page', restricted: null });
  });

  it('asks the host at most twice per feed page, as the viewer', async () => {
    await feed(USERS.rita);
    const log = env.platform.sites!.requestLog;
    const start = log.length;
    await feed(USERS.rita);
    const calls = log.slice(start);
    expect(calls.map((c) => c.endpoint).sort()).toEqual(['POST /rest/api/3/issue/bulkfetch', 'POST /wiki/api/v2/content/convert-ids-to-types']);
    expect(calls.every((c) => c.identity === `user:${USERS.rita}`)).toBe(true);
  });

  it('checks project browse permission as the viewer, not as the app for another account', async () => {
    const log = env.platform.sites!.requestLog;
    const start = log.length;
    const r = await env.call('dashboard/summary', { filters: { range: '7d' } }, USERS.rita);
    expect(r.ok).toBe(true);
    const checks = log.slice(start).filter((c) => c.endpoint === 'POST /rest/api/3/permissions/check');
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((c) => c.identity === `user:${USERS.rita}`)).toBe(true);
  });

  it('counts restricted or unknown items of another site without titles unless the source allows them', async () => {
    const before = await feed(USERS.lead);
    expect(before.get('jira:globex:r:301')).toMatchObject({ title: 'Globex false', restricted: null });
    for (const id of ['jira:globex:r:300', 'jira:globex:r:302']) expect([id, hidden(before.get(id)), before.get(id)!.restricted]).toEqual([id, HIDDEN, 'restricted-item']);
    const now = new Date().toISOString();
    await env.saveDataSource({ id: 'globex', kind: 'cloud', name: 'Globex', enabled: true, jiraUrl: 'https://globex.atlassian.net', jiraEmail: 'x@globex.test', tokenKind: 'classic', createdAt: now, updatedAt: now, showRestrictedTitles: true });
    const after = await feed(USERS.lead);
    for (const id of ['jira:globex:r:300', 'jira:globex:r:301', 'jira:globex:r:302']) expect([id, after.get(id)!.restricted]).toEqual([id, null]);
  });
});
