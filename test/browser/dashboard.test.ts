import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { runCliSync } from '../../local/cli/sync/run-cli-sync';
import { loadDemoSites } from '../../local/fixtures/demo';
import { KIND_TOTAL_LABELS } from '../../src/shared/activity-kinds';
import { isoInZone } from '../../src/shared/zoned-time';
import { startCustomUiHost, type CustomUiHost } from '../../local/host/server';
import { startLocalPlatform, type LocalPlatform } from '../../local/platform';
import type { SiteFixture } from '../../local/site/fixture-schema';
import { containerKey, type Activity } from '../../src/domain/activity';
import { DEFAULT_SETTINGS } from '../../src/domain/config';
import { resolveRange } from '../../src/insights/date-range';
import { createForgeKvs } from '../../src/platform/forge-kvs';
import { createConfigRepository } from '../../src/store/config-repository';
import { chromiumAvailable, launchBrowser, requireBuild, screenshot } from './helpers';

/**
 * The team dashboard, built, in headless Chromium on the local platform against the demo site:
 * the real sync fills KVS, the real resolver answers through the bridge shim, and every number
 * the test expects is counted here from the activities the sync stored.
 */
jest.setTimeout(240_000);
const run = chromiumAvailable() ? describe : describe.skip;

run('team dashboard in the browser', () => {
  let platform: LocalPlatform;
  let host: CustomUiHost;
  let browser: Browser;
  let page: Page;
  let site: SiteFixture;
  let stored: Activity[];
  let teammateNames: Map<string, string>;
  const today = () => new Date().toISOString().slice(0, 10);
  const users = () => site.roles!;
  const mobileMember = () => site.users.find((u) => u.active && u.groups.includes('team-mobile') && u.groups.length === 1)!.accountId;

  const count = (range: '7d' | '30d' | '90d', pred: (a: Activity) => boolean = () => true) => {
    const r = resolveRange({ range }, today());
    return stored.filter((a) => a.at.slice(0, 10) >= r.from && a.at.slice(0, 10) <= r.to && pred(a));
  };
  const open = async (as: string, theme: 'light' | 'dark' = 'light', route = '') => {
    await page.goto(`${host.url}/frame/dashboard/?as=${encodeURIComponent(as)}&theme=${theme}${route ? `#${route}` : ''}`);
  };
  const total = () => page.getByTestId('total-all-value');
  /** Picks a choice in one of the filter selects, as a mouse user does. */
  const choose = async (filter: string, label: string) => {
    await page.getByTestId(`filter-${filter}`).locator('.filter-select__control').click();
    await page.getByRole('option', { name: label, exact: true }).click();
  };
  const settled = async () => {
    await page.getByTestId('dashboard').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="updating"]') && !document.querySelector('[data-testid="summary-loading"]'));
    // The filter bar, panels and feed are chunks of their own, loaded after the totals.
    await page.waitForFunction(() => !document.querySelector('.skeleton, .filters-placeholder'));
  };

  beforeAll(async () => {
    requireBuild('dashboard');
    site = loadDemoSites(Date.now()).host;
    platform = await startLocalPlatform({ sites: [site], echoConsole: false, useEnv: false });
    const sync = await runCliSync(platform, site);
    expect(sync.status).toBe('succeeded');
    stored = sync.activities;
    const config = createConfigRepository(createForgeKvs());
    // Teams as an admin would set them up from the fixture's team names.
    const doc = await config.getTeammates();
    const teamOf = new Map((site.teammates ?? []).map((t) => [t.name, t.team]));
    const teamNames = [...new Set([...teamOf.values()].filter((t): t is string => !!t))];
    const teams = teamNames.map((name) => ({ id: name.toLowerCase(), name }));
    const teammates = doc.teammates.map((t) => (teamOf.get(t.name) ? { ...t, teamId: teamOf.get(t.name)!.toLowerCase() } : t));
    await config.saveTeammates({ ...doc, teams, teammates });
    teammateNames = new Map(teammates.map((t) => [t.id, t.name]));
    // The admin lets the mobile team in too; its members cannot browse SEC.
    await config.saveSettings({ ...DEFAULT_SETTINGS, dashboardGroups: ['jira-administrators', 'team-leads', 'team-mobile'] });
    host = await startCustomUiHost({ platform });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await platform?.close();
  });

  it('opens as a team lead with the last 30 days, numbers as stored', async () => {
    expect(count('30d').length).toBeGreaterThan(20);
    await open(users().teamLead);
    await settled();
    await expectText(total(), String(count('30d').length));
    await expectText(page.getByTestId('total-jira.comment-value'), String(count('30d', (a) => a.kind === 'jira.comment').length));
    await screenshot(page, 'dashboard-overview-light');
  });

  it('changing the range and filters updates the URL and the numbers', async () => {
    await choose('range', 'Last 7 days');
    await page.waitForURL(/#\/\?range=7d/);
    await settled();
    await expectText(total(), String(count('7d').length));

    await choose('range', 'Last 90 days');
    await page.waitForURL(/range=90d/);
    await choose('source', 'Jira');
    await page.waitForURL(/source=jira/);
    await settled();
    await expectText(total(), String(count('90d', (a) => a.source === 'jira').length));

    await choose('kind', KIND_TOTAL_LABELS['jira.worklog']);
    await page.waitForURL(/kind=jira.worklog/);
    await settled();
    await expectText(total(), String(count('90d', (a) => a.kind === 'jira.worklog').length));

    const config = createConfigRepository(createForgeKvs());
    const firstTeam = (await config.getTeammates()).teams[0];
    const team = firstTeam.id;
    await choose('team', firstTeam.name);
    await page.waitForURL(new RegExp(`teamId=${team}`));
    await settled();
    const members = new Set((await config.getTeammates()).teammates.filter((t) => t.teamId === team).map((t) => t.id));
    await expectText(total(), String(count('90d', (a) => a.kind === 'jira.worklog' && members.has(a.teammateId)).length));

    // A bookmarked URL reopens the same view.
    const bookmarked = page.url();
    await page.goto('about:blank');
    await page.goto(bookmarked);
    await settled();
    await expectText(total(), String(count('90d', (a) => a.kind === 'jira.worklog' && members.has(a.teammateId)).length));
    await page.getByTestId('filter-clear').click();
    await settled();
    await expectText(total(), String(count('30d').length));
  });

  it('opens one teammate from the table', async () => {
    const busiest = [...teammateNames.keys()].sort((a, b) => count('30d', (x) => x.teammateId === b).length - count('30d', (x) => x.teammateId === a).length)[0];
    await page.getByTestId(`teammate-row-${busiest}`).getByRole('button').click();
    await page.waitForURL(new RegExp(`teammateId=${busiest}`));
    await settled();
    await expectText(total(), String(count('30d', (a) => a.teammateId === busiest).length));
    await expectText(page.getByTestId('focus'), teammateNames.get(busiest)!);
    const heat = await page.getByTestId('heatmap').locator('rect[data-day]').evaluateAll((els) => els.reduce((n, e) => n + Number(e.getAttribute('data-count')), 0));
    expect(heat).toBe(count('30d', (a) => a.teammateId === busiest).length);
    await screenshot(page, 'dashboard-teammate-light');
  });

  it('pages the feed, newest first', async () => {
    await open(users().teamLead, 'light', '/?range=90d');
    await settled();
    const expected = count('90d').sort((a, b) => b.at.localeCompare(a.at));
    const items = page.getByTestId('feed-item');
    await items.nth(24).waitFor();
    await page.getByTestId('feed-more').click();
    await items.nth(49).waitFor();
    const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
    const times = await items.locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    expect(ids).toHaveLength(50);
    expect(new Set(ids).size).toBe(50);
    expect(times).toEqual([...times].sort().reverse());
    // The 50 newest, up to ties on the boundary instant.
    expect(times).toEqual(expected.slice(0, 50).map((a) => a.at));
    const first = expected.find((a) => a.id === ids[0])!;
    await expectText(items.first(), first.entity.title);
    expect(await items.first().getByTestId('feed-link').getAttribute('href')).toBe(first.url);
    await screenshot(page, 'dashboard-feed-light');
  });

  it('exports the filtered events as CSV', async () => {
    await open(users().teamLead, 'light', '/?range=30d&source=confluence');
    await settled();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true); // Excel reads the accents as UTF-8
    const lines = text.slice(1).trim().split(/\r\n/);
    const want = count('30d', (a) => a.source === 'confluence');
    expect(lines[0]).toBe('time,teammate,kind,source,data source,project/space,project/space name,item,title,link,hours');
    expect(lines).toHaveLength(want.length + 1);
    // times as the viewer's browser zone writes them, with the offset
    const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const byTime = new Map(want.map((a) => [isoInZone(a.at, zone), a]));
    for (const line of lines.slice(1)) expect(byTime.has(line.split(',')[0])).toBe(true);
    const urls = new Set(want.map((a) => a.url));
    expect(lines.slice(1).filter((l) => [...urls].some((u) => l.includes(u))).length).toBe(want.length);
    await expectText(page.getByTestId('export-status'), `Exported ${want.length} rows`);
  });

  it('a viewer who cannot browse a project sees "restricted" in place of its titles', async () => {
    const sec = site.projects.find((p) => p.key === 'SEC')!;
    const secKey = containerKey('host', { type: 'project', id: sec.id });
    const secActs = count('90d', (a) => containerKey(a.dataSourceId, a.container) === secKey);
    expect(secActs.length).toBeGreaterThan(0);
    await open(mobileMember(), 'light', `/?range=90d&container=${encodeURIComponent(secKey)}`);
    await settled();
    await expectText(total(), String(secActs.length));
    const items = page.getByTestId('feed-item');
    await items.first().waitFor();
    const restricted = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-restricted')));
    expect(restricted.every((r) => r === 'permission')).toBe(true);
    await expectText(items.first(), 'restricted');
    const body = await page.locator('body').innerText();
    for (const a of secActs) expect(body).not.toContain(a.entity.title);
    await screenshot(page, 'dashboard-restricted-light');
    // The team lead (in team-platform) may browse SEC and sees the titles.
    await open(users().teamLead, 'light', `/?range=90d&container=${encodeURIComponent(secKey)}`);
    await settled();
    await page.getByTestId('feed-link').first().waitFor();
  });

  it('someone outside the allowed groups gets an explanation', async () => {
    await open(users().noAccess);
    await page.getByTestId('access-denied').waitFor();
    await expectText(page.getByTestId('access-denied'), 'team-leads');
    await screenshot(page, 'dashboard-denied-light');
  });

  it('dark theme', async () => {
    await open(users().teamLead, 'dark', '/?range=90d&split=teammate&bucket=week');
    await settled();
    expect(await page.locator('html').getAttribute('data-color-mode')).toBe('dark');
    await expectText(total(), String(count('90d').length));
    await screenshot(page, 'dashboard-overview-dark');
    await open(mobileMember(), 'dark', '/?range=90d');
    await settled();
    await screenshot(page, 'dashboard-restricted-dark');
    await open(users().admin, 'dark', '/?range=7d&source=confluence');
    await settled();
    await screenshot(page, 'dashboard-feed-dark');
    const busiest = [...teammateNames.keys()].sort((a, b) => count('30d', (x) => x.teammateId === b).length - count('30d', (x) => x.teammateId === a).length)[0];
    await open(users().teamLead, 'dark', `/?teammateId=${busiest}`);
    await settled();
    await expectText(total(), String(count('30d', (a) => a.teammateId === busiest).length));
    await screenshot(page, 'dashboard-teammate-dark');
  });

  it('on a narrow screen the page stacks and stays usable', async () => {
    await page.setViewportSize({ width: 420, height: 900 });
    await open(users().teamLead);
    await settled();
    await expectText(total(), String(count('30d').length));
    await screenshot(page, 'dashboard-narrow-light');
    await page.setViewportSize({ width: 1280, height: 1000 });
  });

  it('says why it is empty, with a link to the settings for admins', async () => {
    const config = createConfigRepository(createForgeKvs());
    const doc = await config.getTeammates();
    await config.saveTeammates({ ...doc, teammates: [] });
    try {
      await open(users().admin);
      await page.getByTestId('empty-no-teammates').waitFor();
      await page.getByTestId('admin-link').waitFor();
      expect(await page.getByTestId('feed').count()).toBe(0);
      await screenshot(page, 'dashboard-empty-light');
      await open(users().teamLead);
      await page.getByTestId('empty-no-teammates').waitFor();
      expect(await page.getByTestId('admin-link').count()).toBe(0);
    } finally {
      await config.saveTeammates(doc);
    }
  });
});

async function expectText(locator: Locator, text: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.innerText().catch(() => '')) ?? '';
    if (last.includes(text)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected "${text}" in the element, got "${last}"`);
}
