import { startCustomUiHost } from '../../local/host/server';
import type { LocalPlatform } from '../../local/platform';
import { CHROMIUM, launchBrowser } from '../../test/browser/helpers';

export const CHROMIUM_PATH = CHROMIUM;

/**
 * Opens the built dashboard as `viewer` in a fresh Chromium profile `runs` times and times each
 * navigation until the totals are on screen and nothing is loading any more (the same readiness
 * the browser tests wait for). The in-page figure is the page's own clock at that moment.
 */
export async function measureFirstRender(platform: LocalPlatform, viewer: string, runs: number): Promise<{ ms: number[]; detail: string }> {
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
    const loads: { wall: number; inPage: number }[] = [];
    for (let i = 0; i < runs; i++) loads.push(await once());
    return {
      ms: loads.map((l) => l.wall),
      detail: `loads ${loads.map((l) => `${Math.round(l.wall)} ms (page clock ${Math.round(l.inPage)} ms)`).join(', ')}`,
    };
  } finally {
    await browser.close();
    await host.close();
  }
}
