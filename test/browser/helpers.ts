import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startCustomUiHost, type CustomUiHost } from '../../local/host/server';
import { startLocalPlatform, type LocalPlatform, type LocalPlatformOptions } from '../../local/platform';

/**
 * Browser tests: the built Custom UI in headless Chromium (the Debian package, never a
 * downloaded browser) against the local platform and the Custom UI host.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'screenshots');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const STATIC = path.resolve(__dirname, '..', '..', 'static');

function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/**
 * Fails unless the app's production build exists and is newer than what it is built from. The
 * tests never build it themselves: `npm test` builds first, and two test files rebuilding the same
 * folder side by side would serve each other half-written files (under jest's NODE_ENV=test, a
 * development build at that).
 */
export function requireBuild(app: 'admin' | 'dashboard'): void {
  const index = path.join(STATIC, app, 'build', 'index.html');
  const hint = `run npm run build:ui first`;
  if (!existsSync(index)) throw new Error(`The ${app} page is not built: ${hint}`);
  const sources = [...filesIn(path.join(STATIC, app, 'src')), ...filesIn(path.join(STATIC, 'shared')), path.join(STATIC, app, 'index.html'), path.join(STATIC, 'vite.shared.mts')];
  const built = statSync(index).mtimeMs;
  const newer = sources.filter((f) => existsSync(f) && statSync(f).mtimeMs > built);
  if (newer.length > 0) throw new Error(`The ${app} build is older than ${path.relative(STATIC, newer[0])}: ${hint}`);
}

let warned = false;
/** True when Chromium is installed. Missing: a loud skip locally, a failure under CI=true. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (CI must run the browser tests)`);
  if (!warned) {
    warned = true;
    console.warn(`\n*** BROWSER TESTS SKIPPED: ${CHROMIUM} is missing. Install it with: apt-get install -y chromium ***\n`);
  }
  return false;
}

/** `describe`, or `describe.skip` (with the loud warning) when there is no Chromium. */
export function describeInBrowser(name: string, fn: () => void): void {
  (chromiumAvailable() ? describe : describe.skip)(name, fn);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface BrowserHarness {
  platform: LocalPlatform;
  host: CustomUiHost;
  browser: Browser;
  /** A fresh page (closed with the harness). */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** URL of a frame as a browser test opens it: /frame/<app>/?as=…&theme=…#route */
  frameUrl(app: string, accountId: string, theme?: 'light' | 'dark', route?: string): string;
  close(): Promise<void>;
}

/** Platform + Custom UI host + Chromium, in that order; close() undoes them in reverse. */
export async function startBrowserHarness(options: LocalPlatformOptions): Promise<BrowserHarness> {
  const platform = await startLocalPlatform({ echoConsole: false, ...options });
  let host: CustomUiHost | undefined;
  let browser: Browser | undefined;
  try {
    host = await startCustomUiHost({ platform });
    browser = await launchBrowser();
  } catch (e) {
    await host?.close();
    await platform.close();
    throw e;
  }
  const pages: Page[] = [];
  const h = host;
  const b = browser;
  return {
    platform,
    host: h,
    browser: b,
    async newPage(viewport = { width: 1280, height: 900 }) {
      const page = await b.newPage({ viewport });
      pages.push(page);
      return page;
    },
    frameUrl(app, accountId, theme = 'light', route) {
      return `${h.url}/frame/${app}/?as=${encodeURIComponent(accountId)}&theme=${theme}${route ? `#${route}` : ''}`;
    },
    async close() {
      for (const p of pages) await p.close().catch(() => undefined);
      await b.close();
      await h.close();
      await platform.close();
    },
  };
}
