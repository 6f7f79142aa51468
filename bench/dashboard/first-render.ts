import { startCustomUiHost } from '../../local/host/server';
import type { LocalPlatform } from '../../local/platform';
import { CHROMIUM, launchBrowser } from '../../test/browser/helpers';

export const CHROMIUM_PATH = CHROMIUM;

/**
 * Opens the built dashboard as `viewer` in a fresh Chromium profile and times navigation until
 * the totals are on screen and nothing is loading any more (the same readiness the browser
 * tests wait for). The in-page figure is the page's own clock at that moment.
 */
export async function measureFirstRender(platform: LocalPlatform, viewer: string): Promise<{ ms: number; detail: string }> {
  const host = await startCustomUiHost({ platform });
  const browser = await launchBrowser();
  try {
    const once = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        const t0 = performance.now();
        await page.goto(`${host.url}/frame/dashboard/?as=${encodeURIComponent(viewer)}&theme=light`);
        await page.getByTestId('total-all-value').waitFor({ timeout: 30_000 });
        await page.waitForFunction(() => !document.querySelector('[data-testid="updating"]') && !document.querySelector('[data-testid="summary-loading"]'), undefined, { timeout: 30_000 });
        const wall = performance.now() - t0;
        const inPage = await page.evaluate(() => performance.now());
        return { wall, inPage };
      } finally {
        await context.close();
      }
    };
    const first = await once();
    const second = await once();
    return {
      ms: first.wall,
      detail: `first load ${Math.round(first.wall)} ms (page clock ${Math.round(first.inPage)} ms); a second fresh profile ${Math.round(second.wall)} ms`,
    };
  } finally {
    await browser.close();
    await host.close();
  }
}
