import type { Page } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../../src/domain/config';
import { createForgeKvs } from '../../src/platform/forge-kvs';
import { createConfigRepository } from '../../src/store/config-repository';
import { generateActivity } from '../dashboard/helpers/activities';
import { addHostItems, dashboardSite, PLACES, ROSTER, USERS, withPictures } from '../dashboard/helpers/dashboard-env';
import { activityWriter } from '../helpers/seeded-platform';
import { colours, contrast } from './admin-contrast';
import { chromiumAvailable, requireBuild, screenshot, startBrowserHarness, type BrowserHarness } from './helpers';

/**
 * Teammates' pictures on the built dashboard in Chromium: the stored picture is the avatar's
 * image, initials stand in when there is none or it fails to load, and privacy mode shows
 * initials only. The avatar hosts are answered by the test (no request leaves the machine).
 */
jest.setTimeout(240_000);
const run = chromiumAvailable() ? describe : describe.skip;

const ADA = 'https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/u-admin/1c2d/128?size=48&s=48';
/** Answered 404 by the test: the picture fails to load. */
const BO = 'https://secure.gravatar.com/avatar/906ffbfe1ad0998daccbf7b820aace5b';
const PICTURE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48"><rect width="48" height="48" fill="#1868DB"/></svg>';

const roster = withPictures(ROSTER, { 'tm-a': { accountId: 'u-admin', url: ADA }, 'tm-b': { accountId: 'u-bo', url: BO } });

run('teammate pictures on the dashboard', () => {
  let h: BrowserHarness;
  let page: Page;
  const requested: string[] = [];
  const config = () => createConfigRepository(createForgeKvs());

  const open = async (theme: 'light' | 'dark' = 'light') => {
    // A fresh document each time (the same URL would only move the hash).
    await page.goto('about:blank');
    await page.goto(h.frameUrl('dashboard', USERS.lead, theme, '/?range=7d'));
    await page.getByTestId('teammate-table').waitFor();
    await page.getByTestId('feed-item').first().waitFor();
  };
  const row = (id: string) => page.getByTestId(`teammate-row-${id}`);
  /** The picture's src and whether it loaded (a decoded image has a width). */
  const picture = (scope: ReturnType<Page['getByTestId']>) =>
    scope.getByTestId('teammate-avatar-picture').evaluate((img: HTMLImageElement) => ({ src: img.getAttribute('src'), loaded: img.complete && img.naturalWidth > 0 }));

  beforeAll(async () => {
    requireBuild('dashboard');
    const site = dashboardSite();
    h = await startBrowserHarness({ sites: [site], useEnv: false });
    await config().saveSettings(DEFAULT_SETTINGS);
    await config().saveTeammates(roster);
    const hour = (n: number) => new Date(Date.now() - n * 3_600_000).toISOString();
    const list = (['tm-a', 'tm-b', 'tm-c'] as const).map((teammateId, i) => generateActivity({ kind: 'jira.comment', teammateId, at: hour(i + 1), dataSourceId: 'host', container: PLACES[0].c }));
    addHostItems(h.platform, site.name, list);
    await activityWriter(createForgeKvs())(list);
    page = await h.newPage();
    // Nothing leaves the machine: the avatar hosts are answered here, anything else is refused.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => {
      requested.push(route.request().url());
      return route.abort();
    });
    await page.route('https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/**', (route) => {
      requested.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PICTURE_SVG });
    });
    await page.route('https://secure.gravatar.com/**', (route) => {
      requested.push(route.request().url());
      return route.fulfill({ status: 404, body: '' });
    });
  });
  afterAll(() => h?.close());

  it('shows the stored picture, and initials when there is none or it fails to load', async () => {
    await open();
    await expect(picture(row('tm-a'))).resolves.toEqual({ src: ADA, loaded: true });
    await expect(picture(page.locator('[data-testid="feed-item"]', { hasText: 'Ada Admin' }).first())).resolves.toEqual({ src: ADA, loaded: true });
    // No picture stored: initials.
    await row('tm-c').getByTestId('teammate-avatar-initials').waitFor();
    expect(await row('tm-c').getByTestId('teammate-avatar-initials').textContent()).toBe('CO');
    expect(await row('tm-c').getByTestId('teammate-avatar-picture').count()).toBe(0);
    // The picture fails (404): initials replace it.
    await row('tm-b').getByTestId('teammate-avatar-initials').waitFor();
    expect(await row('tm-b').getByTestId('teammate-avatar-initials').textContent()).toBe('BB');
    expect(await row('tm-b').getByTestId('teammate-avatar-picture').count()).toBe(0);
    // Pictures are fetched without telling the avatar host which page shows them.
    expect(await page.evaluate(() => [...document.querySelectorAll('img[data-testid="teammate-avatar-picture"]')].every((i) => (i as HTMLImageElement).referrerPolicy === 'no-referrer'))).toBe(true);
    await screenshot(page, 'dashboard-avatars');
    expect(requested.filter((u) => !u.startsWith(ADA) && !u.startsWith(BO))).toEqual([]);
  });

  it('shows initials only in privacy mode', async () => {
    await config().saveSettings({ ...DEFAULT_SETTINGS, privacyMode: true });
    try {
      await open();
      await page.getByTestId('privacy-mode').waitFor();
      expect(await page.getByTestId('teammate-avatar-picture').count()).toBe(0);
      await row('tm-a').getByTestId('teammate-avatar-initials').waitFor();
      expect(await row('tm-a').getByTestId('teammate-avatar-initials').textContent()).toBe('AA');
      await screenshot(page, 'dashboard-avatars-privacy');
    } finally {
      await config().saveSettings(DEFAULT_SETTINGS);
    }
  });

  it('draws initials readable in both themes (contrast at least 4.5:1)', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await open(theme);
      const initials = row('tm-c').getByTestId('teammate-avatar-initials');
      await initials.waitFor();
      const { fg, bg } = await colours(initials);
      expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
