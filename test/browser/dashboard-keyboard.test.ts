import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { runCliSync } from '../../local/cli/sync/run-cli-sync';
import { loadDemoSites } from '../../local/fixtures/demo';
import type { SiteFixture } from '../../local/site/fixture-schema';
import { chromiumAvailable, requireBuild, startBrowserHarness, type BrowserHarness } from './helpers';

/**
 * The built dashboard used from the keyboard alone, and read in the dark theme: filters and the
 * feed in a sensible tab order, each focus visible, Enter and Space doing what a mouse click
 * does; and the main text on its background at a contrast of at least 4.5:1 (WCAG AA).
 */
jest.setTimeout(240_000);
const run = chromiumAvailable() ? describe : describe.skip;

/** Where the keyboard focus is: the filter, or the test id of the focused control. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const filter = el.closest('[data-testid^="filter-"]')?.getAttribute('data-testid');
    return filter ?? el.getAttribute('data-testid') ?? el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.tagName;
  });

/**
 * Whether the focused element shows its focus: an outline or focus shadow on it, or, for the
 * input inside a select, its control drawn differently from another select's control.
 */
const focusShows = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const ring = (e: Element) => {
      const s = getComputedStyle(e);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    };
    if (ring(el)) return true;
    const control = el.closest('[class*="filter-select__control"]');
    const other = [...document.querySelectorAll('[class*="filter-select__control"]')].find((c) => c !== control);
    if (!control || !other) return `${el.tagName} ${el.className}: no outline`;
    const look = (e: Element) => {
      const s = getComputedStyle(e);
      return `${s.borderColor}|${s.boxShadow}|${s.outlineStyle}`;
    };
    return look(control) !== look(other) || `select control looks unfocused: ${look(control)}`;
  });

run('dashboard from the keyboard, and its dark-theme contrast', () => {
  let h: BrowserHarness;
  let page: Page;
  let site: SiteFixture;
  const settled = async () => {
    await page.getByTestId('dashboard').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="updating"]') && !document.querySelector('[data-testid="summary-loading"]'));
    await page.locator('.filter-select__control').first().waitFor();
  };

  beforeAll(async () => {
    requireBuild('dashboard');
    site = loadDemoSites(Date.now()).host;
    h = await startBrowserHarness({ sites: [site], useEnv: false });
    expect((await runCliSync(h.platform, site)).status).toBe('succeeded');
    page = await h.newPage({ width: 1280, height: 1000 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('tabs through the filters in order, each focus visible, and picks with Enter and Space', async () => {
    await page.goto(h.frameUrl('dashboard', site.roles!.teamLead, 'light', '/?range=30d'));
    await settled();
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused(page));
      expect(await focusShows(page)).toBe(true);
    }
    expect(order).toEqual(['filter-range', 'filter-team', 'filter-teammate', 'filter-source', 'filter-kind', 'filter-container', 'filter-clear']);

    // Dates: the arrow opens the list on the current choice; the next one, Enter.
    await page.keyboard.press('Shift+Tab');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('filter-range');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('listbox').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/range=90d/);
    await settled();

    // Product: Space opens the list and Space picks; Escape closes a list without a change.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('filter-source');
    await page.keyboard.press('Space');
    await page.getByRole('listbox').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page.waitForURL(/source=jira/);
    await settled();
    const before = page.url();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('listbox').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    expect(page.url()).toBe(before);
  });

  it('pages the feed and switches the chart from the keyboard', async () => {
    await page.goto(h.frameUrl('dashboard', site.roles!.teamLead, 'light', '/?range=90d'));
    await settled();
    await page.getByTestId('feed-item').nth(24).waitFor();
    const reach = async (testId: string, limit = 200) => {
      for (let i = 0; i < limit && (await focused(page)) !== testId; i++) await page.keyboard.press('Tab');
      expect(await focused(page)).toBe(testId);
      expect(await focusShows(page)).toBe(true);
    };
    // The chart's toggles come before the feed; Space presses one.
    await page.keyboard.press('Tab');
    await reach('bucket', 40);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Per week');
    await page.keyboard.press('Space');
    await page.waitForURL(/bucket=week/);
    await settled();
    expect(await page.getByTestId('bucket').getByRole('button', { name: 'Per week' }).getAttribute('aria-pressed')).toBe('true');
    // Every feed link is on the way to "Show more", which Enter presses.
    await reach('feed-link');
    await reach('feed-more');
    await page.keyboard.press('Enter');
    await page.getByTestId('feed-item').nth(49).waitFor();
  });

  it('takes a custom range typed into the date pickers, and keeps a wrong one at its field', async () => {
    await page.goto(h.frameUrl('dashboard', site.roles!.teamLead, 'light', '/?range=30d'));
    await settled();
    await page.getByTestId('filter-range').locator('.filter-select__control').click();
    await page.getByRole('option', { name: 'Custom…', exact: true }).click();
    await page.waitForURL(/range=custom&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    await settled();
    const shown = await page.getByTestId('total-all-value').innerText();
    const from = new URL(page.url().replace('#/', '')).searchParams.get('from')!;
    const dayBefore = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

    await page.locator('#filter-to-input').focus();
    await page.keyboard.type(dayBefore);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`to=${dayBefore}`));
    const error = page.getByTestId('range-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('The end day is before the start day.');
    expect(await page.locator('#filter-to-input').getAttribute('aria-describedby')).toContain('range-error');
    // The last valid view stays on screen meanwhile.
    expect(await page.getByTestId('total-all-value').innerText()).toBe(shown);

    await page.locator('#filter-to-input').focus();
    await page.keyboard.type(from);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`to=${from}`));
    await error.waitFor({ state: 'detached' });
    await settled();
  });

  it('keeps the main text readable in the dark theme (contrast at least 4.5:1)', async () => {
    await page.goto(h.frameUrl('dashboard', site.roles!.teamLead, 'dark', '/?range=90d'));
    await settled();
    await page.getByTestId('feed-item').first().waitFor();
    await page.getByTestId('teammate-table').waitFor();
    expect(await page.locator('html').getAttribute('data-color-mode')).toBe('dark');
    const checks = {
      title: 'h1',
      'panel heading': 'h2',
      'filter label': '.filter label',
      'filter value': '.filter-select__single-value',
      'total label': '.card-label',
      'total value': '.card-value',
      'total change': '.card-change',
      'feed time': '[data-testid="feed-item"] time',
      'feed teammate': '[data-testid="feed-item"] .who',
      'feed kind': '[data-testid="kind"]',
      'feed link': '[data-testid="feed-link"]',
      'feed place': '[data-testid="feed-item"] .where',
      'table heading': '[data-testid="teammate-table"] th',
      'table cell': '[data-testid="teammate-table"] td',
      legend: '.legend li',
      'top place count': '.place-count',
    };
    const ratios = await page.evaluate((sel) => {
      const parse = (c: string) => {
        const m = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)$/.exec(c);
        if (!m) throw new Error(`unreadable colour ${c}`);
        return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
      };
      const over = (top: number[], under: number[]) => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
      const lum = (c: number[]) => {
        const [r, g, b] = c.slice(0, 3).map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      /** The background actually under an element: every ancestor's background, composited. */
      const background = (el: Element) => {
        const layers: number[][] = [];
        for (let e: Element | null = el; e; e = e.parentElement) layers.push(parse(getComputedStyle(e).backgroundColor));
        return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
      };
      const out: Record<string, { ratio: number; color: string; count: number }> = {};
      for (const [name, s] of Object.entries(sel)) {
        const els = [...document.querySelectorAll(s)].filter((e) => (e as HTMLElement).innerText?.trim());
        if (!els.length) throw new Error(`nothing matches ${name} (${s})`);
        let worst = { ratio: Infinity, color: '', count: els.length };
        for (const e of els) {
          const bg = background(e);
          const fg = over(parse(getComputedStyle(e).color), bg);
          const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
          const ratio = (hi + 0.05) / (lo + 0.05);
          if (ratio < worst.ratio) worst = { ratio, color: `${getComputedStyle(e).color} on rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`, count: els.length };
        }
        out[name] = worst;
      }
      return out;
    }, checks);
    const low = Object.entries(ratios).filter(([, r]) => r.ratio < 4.5);
    expect(low.map(([name, r]) => `${name}: ${r.ratio.toFixed(2)} (${r.color})`)).toEqual([]);
  });
});
