import type { Locator, Page } from 'playwright-core';
import { hostSite } from '../admin/helpers/sites';
import { colours, contrast } from './admin-contrast';
import { describeInBrowser, requireBuild, screenshot, startBrowserHarness, type BrowserHarness } from './helpers';

/**
 * The admin page by keyboard alone (tabs, dialogs, forms), and its dark theme's contrast, in
 * headless Chromium on the local platform.
 */
jest.setTimeout(120_000);
const ADMIN = { accountId: 'u-admin', moduleKey: 'activitypulse-admin', extension: { type: 'jira:adminPage' } };

describeInBrowser('admin page by keyboard, and in dark mode', () => {
  let harness: BrowserHarness;
  let page: Page;
  const open = async (theme: 'light' | 'dark' = 'light') => {
    await page.goto(harness.frameUrl('admin', 'u-admin', theme));
    await page.getByRole('tab', { name: 'Data sources' }).waitFor();
  };
  const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
  const dialogHasFocus = () => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'));

  beforeAll(async () => {
    requireBuild('admin');
    harness = await startBrowserHarness({ sites: [hostSite()] });
    page = await harness.newPage({ width: 1200, height: 900 });
    const added = await harness.platform.runtime.invokeResolver('admin-resolver', 'teammates/add-users', { users: [{ accountId: 'u-rita', displayName: 'Rita Reviewer' }] }, ADMIN);
    expect(added).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('moves between tabs with the arrow keys, showing each tab as it is reached', async () => {
    await open();
    await page.getByRole('tab', { name: 'Data sources' }).focus();
    await page.keyboard.press('ArrowRight');
    await expectSelected(page.getByRole('tab', { name: 'Teammates' }));
    expect(await focused()).toBe('Teammates');
    await page.getByRole('button', { name: 'Add teammate' }).waitFor();
    await page.keyboard.press('ArrowRight');
    await expectSelected(page.getByRole('tab', { name: 'Sync' }));
    await page.getByRole('button', { name: 'Save schedule' }).waitFor();
    await page.keyboard.press('ArrowLeft');
    await expectSelected(page.getByRole('tab', { name: 'Teammates' }));
    expect(await focused()).toBe('Teammates');
  });

  it('asks before removing a teammate in a dialog that keeps the focus, and Escape cancels', async () => {
    const row = page.getByTestId('teammate-row').filter({ hasText: 'Rita Reviewer' });
    await row.getByRole('button', { name: 'Remove Rita Reviewer' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Remove Rita Reviewer?' });
    await dialog.waitFor();
    await waitUntil(dialogHasFocus, 'the focus moves into the dialog');
    for (let i = 0; i < 6; i += 1) {
      await page.keyboard.press('Tab');
      expect(await dialogHasFocus()).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await dialogHasFocus()).toBe(true);
    await screenshot(page, 'admin-remove-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await row.count()).toBe(1);
  });

  it('removes the teammate when the dialog is confirmed from the keyboard', async () => {
    const row = page.getByTestId('teammate-row').filter({ hasText: 'Rita Reviewer' });
    await row.getByRole('button', { name: 'Remove Rita Reviewer' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Remove Rita Reviewer?' });
    await dialog.getByRole('button', { name: 'Remove' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Rita Reviewer was removed.' }).waitFor();
    await row.waitFor({ state: 'detached' });
    await page.getByText('No teammates yet').waitFor();
  });

  it('submits a form with Enter, showing its errors at the fields', async () => {
    await page.getByRole('tab', { name: 'Sync' }).click();
    const days = page.getByLabel('History window (days)');
    await days.fill('0');
    await days.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'History window' }).waitFor();
    expect(await days.getAttribute('aria-invalid')).toBe('true');
    await days.fill('30');
    await days.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Schedule saved.' }).waitFor();
  });

  it('picks the token kind with the arrow keys', async () => {
    await page.getByRole('tab', { name: 'Data sources' }).click();
    await page.getByRole('button', { name: 'Add data source' }).click();
    const form = page.getByRole('form', { name: 'Add data source' });
    const group = form.getByRole('radiogroup', { name: 'API token kind' });
    const classic = group.getByRole('radio', { name: /Classic API token/ });
    const scoped = group.getByRole('radio', { name: /Scoped API token/ });
    expect(await classic.isChecked()).toBe(true);
    await classic.focus();
    await page.keyboard.press('ArrowDown');
    await waitUntil(() => scoped.isChecked(), 'the arrow key picks the scoped kind');
    expect(await scoped.evaluate((el) => el === document.activeElement)).toBe(true);
    await form.getByTestId('scope-list').waitFor();
    await page.keyboard.press('ArrowUp');
    await waitUntil(() => classic.isChecked(), 'the arrow key picks the classic kind again');
    await form.getByTestId('scope-list').waitFor({ state: 'detached' });
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
  });

  it('toggles a checkbox with Space', async () => {
    await page.getByRole('tab', { name: 'Data sources' }).click();
    await page.getByRole('button', { name: 'Add data source' }).click();
    const form = page.getByRole('form', { name: 'Add data source' });
    const enabled = form.getByRole('checkbox', { name: 'Enabled (fetched by the scheduled sync)' });
    expect(await enabled.isChecked()).toBe(true);
    await enabled.focus();
    await page.keyboard.press('Space');
    await waitUntil(async () => !(await enabled.isChecked()), 'Space clears the checkbox');
    await page.keyboard.press('Space');
    await waitUntil(() => enabled.isChecked(), 'Space sets the checkbox again');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
  });

  it('keeps text readable in dark mode: at least 4.5:1 against what is behind it', async () => {
    await open('dark');
    await page.getByRole('button', { name: 'Add data source' }).click();
    const form = page.getByRole('form', { name: 'Add data source' });
    await form.getByLabel('Jira URL').fill('https://globex.atlassian.net');
    const key: [string, Locator][] = [
      ['page heading', page.getByRole('heading', { name: 'ActivityPulse settings' })],
      ['selected tab', page.getByRole('tab', { name: 'Data sources' })],
      ['other tab', page.getByRole('tab', { name: 'Sync' })],
      ['subtle text', page.getByText('Where activity comes from.')],
      ['credentials note', page.getByText('Reached as the app: no credentials needed.')],
      ['button', page.getByRole('button', { name: 'Test connection' }).first()],
      ['primary button', form.getByRole('button', { name: 'Save' })],
      ['lozenge', page.getByText('Enabled', { exact: true }).first()],
      ['field label', form.getByText('Jira URL *')],
      ['typed text', form.getByLabel('Jira URL')],
      ['help text', form.getByText('Pasting a page address')],
      ['section message', form.getByText('Only Atlassian Cloud sites')],
      ['radio label', form.getByText('Classic API token (without scopes)')],
      ['checkbox label', form.getByText('Enabled (fetched by the scheduled sync)')],
    ];
    const low: string[] = [];
    for (const [name, el] of key) {
      const { fg, bg } = await colours(el);
      const ratio = contrast(fg, bg);
      if (ratio < 4.5) low.push(`${name}: ${ratio.toFixed(2)} (rgb ${fg.join(',')} on ${bg.join(',')})`);
    }
    await screenshot(page, 'admin-dark-contrast');
    expect(low).toEqual([]);
  });

  it('keeps the other tabs readable in dark mode too: empty states, notices, table headings', async () => {
    const low: string[] = [];
    const check = async (key: [string, Locator][]) => {
      for (const [name, el] of key) {
        const { fg, bg } = await colours(el);
        const ratio = contrast(fg, bg);
        if (ratio < 4.5) low.push(`${name}: ${ratio.toFixed(2)} (rgb ${fg.join(',')} on ${bg.join(',')})`);
      }
    };
    await page.getByRole('tab', { name: 'Teammates' }).click();
    await page.getByText('No teammates yet').waitFor();
    await check([
      ['empty state heading', page.getByText('No teammates yet')],
      ['empty state text', page.getByText('Only activity by teammates is kept: add people')],
      ['table heading', page.getByRole('columnheader', { name: 'Identities' })],
    ]);
    await page.getByRole('tab', { name: 'Sync' }).click();
    const notice = page.getByTestId('diagnostics').locator('p').first();
    await notice.waitFor();
    await check([['notice text', notice], ['section heading', page.getByRole('heading', { name: 'In progress' })]]);
    await screenshot(page, 'admin-dark-sync');
    expect(low).toEqual([]);
  });
});

async function expectSelected(tab: Locator): Promise<void> {
  await waitUntil(async () => (await tab.getAttribute('aria-selected')) === 'true', 'the tab is selected');
}

async function waitUntil(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting until ${what}`);
}
