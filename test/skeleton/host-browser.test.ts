import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { loadDemoSites } from '../../local/fixtures/demo';
import { describeInBrowser, screenshot, startBrowserHarness, type BrowserHarness } from '../browser/helpers';

/**
 * The Custom UI host in Chromium with the built apps: the user chooser, the Jira-like page
 * framing an app, theming through `view.theme.enable()` with Atlassian's token CSS, the route
 * mirrored into the page URL, and resolver calls reaching the real resolvers.
 */
jest.setTimeout(120_000);
const REPO = path.resolve(__dirname, '..', '..');
const { host: hostSite, other } = loadDemoSites();
const roles = hostSite.roles!;

async function appFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe#forge-app');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the app frame did not load');
  return frame;
}

describeInBrowser('Custom UI host in the browser', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    for (const app of ['admin', 'dashboard']) {
      if (!existsSync(path.join(REPO, 'static', app, 'build', 'index.html'))) throw new Error(`static/${app} is not built: run npm run build:ui (npm test does)`);
    }
    h = await startBrowserHarness({ sites: [hostSite, other] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the chooser leads to a themed Jira-like page that frames the admin app as the admin', async () => {
    const page = await h.newPage();
    await page.goto(`${h.host.url}/?theme=dark`);
    const row = page.locator(`tr[data-account-id="${roles.admin}"]`);
    await row.locator('a[data-app="admin"][data-theme-mode="dark"]').click();
    await page.waitForURL(/\/app\/admin\?/);
    expect(await page.getAttribute('html', 'data-color-mode')).toBe('dark');

    const frame = await appFrame(page);
    // The admin app calls view.theme.enable(): the shim sets the attributes Jira sets.
    await frame.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'dark');
    expect(await frame.evaluate(() => document.documentElement.getAttribute('data-theme'))).toContain('dark:dark');
    // The token CSS applies: the surface token resolves to the dark theme's value.
    await frame.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--ds-surface').trim() !== '');
    const surface = await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--ds-surface').trim().toUpperCase());
    expect(surface).not.toBe('#FFFFFF');
    // sources/list went through /api/invoke to the real admin resolver.
    await frame.getByRole('region', { name: `${hostSite.name}.atlassian.net` }).waitFor();
    await screenshot(page, 'host-admin-dark');
  });

  it('the bridge context names the user, the site and the module', async () => {
    const page = await h.newPage();
    await page.goto(h.frameUrl('dashboard', roles.teamLead, 'light'));
    await page.waitForFunction(() => (globalThis as { __bridge?: unknown }).__bridge !== undefined);
    const ctx = await page.evaluate(async () => {
      const bridge = (globalThis as unknown as { __bridge: { callBridge(c: string): Promise<Record<string, unknown>> } }).__bridge;
      return bridge.callBridge('getContext');
    });
    expect(ctx).toMatchObject({
      accountId: roles.teamLead,
      cloudId: hostSite.cloudId,
      siteUrl: `https://${hostSite.name}.atlassian.net`,
      moduleKey: 'activitypulse-dashboard',
      extension: { type: 'jira:globalPage' },
      theme: { colorMode: 'light' },
    });
  });

  it('keeps the dashboard route in the frame hash and mirrors it into the page URL', async () => {
    const page = await h.newPage();
    await page.goto(`${h.host.url}/app/dashboard?as=${encodeURIComponent(roles.teamLead)}&theme=light`);
    const frame = await appFrame(page);
    await frame.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'light');
    // Push a route the way the app's router does, through the bridge's history object.
    await frame.evaluate(async () => {
      const bridge = (globalThis as unknown as { __bridge: { callBridge(c: string): Promise<{ push(to: string): void }> } }).__bridge;
      const history = await bridge.callBridge('createHistory');
      history.push('/?range=7d');
    });
    await frame.waitForFunction(() => location.hash === '#/?range=7d');
    await page.waitForFunction(() => location.hash === '#/?range=7d');
  });

  it('shows a flag the app raises, and closes it', async () => {
    const page = await h.newPage();
    await page.goto(h.frameUrl('admin', roles.admin, 'light'));
    await page.waitForFunction(() => (globalThis as { __bridge?: unknown }).__bridge !== undefined);
    await page.evaluate(() =>
      (globalThis as unknown as { __bridge: { callBridge(c: string, p: unknown): Promise<unknown> } }).__bridge.callBridge('showFlag', {
        id: 'saved',
        title: 'Saved',
        description: 'The data source was saved.',
        type: 'success',
      }),
    );
    const flag = page.locator('[data-flag-id="saved"]');
    await flag.waitFor();
    expect(await flag.textContent()).toContain('The data source was saved.');
    await page.evaluate(() =>
      (globalThis as unknown as { __bridge: { callBridge(c: string, p: unknown): Promise<unknown> } }).__bridge.callBridge('closeFlag', { id: 'saved' }),
    );
    await flag.waitFor({ state: 'detached' });
  });
});
