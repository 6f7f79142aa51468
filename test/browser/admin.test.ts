import type { Locator, Page } from 'playwright-core';
import type { LocalPlatform } from '../../local/platform';
import { GLOBEX_TOKEN, globexSite, hostSite } from '../admin/helpers/sites';
import { createForgeKvs } from '../../src/platform/forge-kvs';
import { createConfigRepository } from '../../src/store/config-repository';
import { colours, isDark } from './admin-contrast';
import { describeInBrowser, requireBuild, screenshot, startBrowserHarness, type BrowserHarness } from './helpers';

/**
 * The admin page, built, in headless Chromium, on the local platform: the real resolver, KVS
 * emulator, sync engine and site emulator behind the bridge shim.
 */
jest.setTimeout(120_000);

describeInBrowser('admin page in the browser', () => {
  let harness: BrowserHarness;
  let platform: LocalPlatform;
  let page: Page;

  const open = async (as: string, theme: 'light' | 'dark' = 'light') => {
    await page.goto(harness.frameUrl('admin', as, theme));
  };
  const globexCard = () => page.getByRole('region', { name: 'Globex' });

  beforeAll(async () => {
    requireBuild('admin');
    harness = await startBrowserHarness({ sites: [hostSite(), globexSite()] });
    platform = harness.platform;
    page = await harness.newPage({ width: 1200, height: 900 });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('lists the host site first, with no credentials', async () => {
    await open('u-admin');
    const hostCard = page.getByRole('region', { name: 'acme.atlassian.net' });
    await hostCard.waitFor();
    await expectText(hostCard, 'Reached as the app: no credentials needed.');
    await screenshot(page, 'admin-sources');
  });

  it('lists the scopes a scoped API token needs when that kind is chosen', async () => {
    await page.getByRole('button', { name: 'Add data source' }).click();
    await page.getByRole('radio', { name: /Classic API token/ }).waitFor();
    expect(await page.getByTestId('scope-list').count()).toBe(0);
    await page.getByRole('radio', { name: /Scoped API token/ }).check();
    const scopes = page.getByTestId('scope-list');
    await expectText(scopes, 'A scoped token needs these read-only scopes');
    expect(await scopes.getByRole('listitem').allTextContents()).toEqual(['read:jira-work', 'read:jira-user', 'read:confluence-user', 'search:confluence', 'read:page:confluence', 'read:comment:confluence', 'read:space:confluence']);
    await screenshot(page, 'admin-scoped-token');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('refuses a Data Center address next to the field; a wrong token is saved but not enabled, its test failure at the token field', async () => {
    await page.getByRole('button', { name: 'Add data source' }).click();
    await page.getByLabel('Name').fill('Globex');
    await page.getByLabel('Jira URL').fill('https://jira.globex.internal:8443/browse/GLX-1');
    await page.getByLabel('Jira email').fill('gina@globex.test');
    await page.getByLabel('Jira API token').fill('ATATT3xFfGF0-wrong-token-000000000');
    await page.getByRole('button', { name: 'Save' }).click();
    const url = page.getByLabel('Jira URL');
    await expectAttr(url, 'aria-invalid', 'true');
    await expectText(page.getByRole('alert').first(), 'Data Center and Server cannot be connected');
    await screenshot(page, 'admin-url-error');

    await url.fill('https://globex.atlassian.net/browse/GLX-1');
    await page.getByRole('button', { name: 'Save' }).click();
    // Saving tests the connection: the wrong token is marked at its field, the source is stored disabled.
    const form = page.getByRole('form', { name: 'Add data source' });
    await expectText(form, 'Authentication failed');
    await expectText(form, 'Globex is saved but stays disabled until its connection test passes');
    await expectAttr(form.getByLabel('Jira API token'), 'aria-invalid', 'true');
    // Nothing answered for Confluence on that site: the note says so, the address stays empty.
    await expectText(form.getByTestId('save-note'), 'This site has no Confluence');
    expect(await form.getByLabel('Confluence URL').inputValue()).toBe('');
    await screenshot(page, 'admin-save-test-failed');
    await globexCard().waitFor();
    await expectText(globexCard(), 'Disabled');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expectText(globexCard(), 'https://globex.atlassian.net');
    await expectText(globexCard(), 'API token set on');
    await globexCard().getByRole('button', { name: 'Test connection' }).click();
    await expectText(globexCard().getByTestId('test-jira'), 'Authentication failed');
    await screenshot(page, 'admin-test-failed');
  });

  it('replaces the token without ever showing the saved one, then the test connects', async () => {
    await globexCard().getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit Globex' });
    await expectText(form.getByTestId('token-set').first(), 'API token set on');
    expect(await page.content()).not.toContain('wrong-token');
    expect(await form.getByRole('button', { name: 'Replace' }).count()).toBeGreaterThan(0);
    // Saved as it is, the wrong token fails the test again: its field opens, marked, with the focus.
    await form.getByRole('button', { name: 'Save' }).click();
    await expectAttr(form.getByLabel('Jira API token'), 'aria-invalid', 'true');
    await expectFocus(page, () => document.activeElement?.getAttribute('type'), 'password');
    await form.getByLabel('Jira API token').fill(GLOBEX_TOKEN);
    await form.getByRole('button', { name: 'Save' }).click();
    await globexCard().getByRole('button', { name: 'Test connection' }).click();
    await expectText(globexCard().getByTestId('test-jira'), 'Jira: Connected');
    await expectText(globexCard().getByTestId('test-jira'), 'Gina Owner');
    // Saved as enabled once its test passed.
    await expectText(globexCard(), 'Enabled');
    await screenshot(page, 'admin-test-ok');
  });

  it('asks for the token again as soon as the address names another site, and refuses to save without it', async () => {
    await globexCard().getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit Globex' });
    await expectText(form.getByTestId('token-set').first(), 'API token set on');
    await form.getByLabel('Jira URL').fill('https://initech.atlassian.net');
    await expectText(form, 'The site changed: enter its API token again');
    expect(await form.getByLabel('Jira API token *').count()).toBe(1);
    // The Confluence address still names globex: it has no token of its own there now.
    await form.getByLabel('Confluence URL').fill('');
    await form.getByRole('button', { name: 'Save' }).click();
    await expectText(form, 'Enter the API token again: the site changed');
    // Back to the saved site: the saved token counts again.
    await form.getByLabel('Jira URL').fill('globex.atlassian.net/browse/GLX-1');
    await expectText(form.getByTestId('token-set').first(), 'API token set on');
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('sets who can see titles from the other site, refusing an unknown group, and shows it after a reload', async () => {
    await globexCard().getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit Globex' });
    await expectText(form, 'the groups allowed to open the dashboard');
    await form.getByRole('button', { name: 'Add group' }).click();
    const first = form.getByRole('textbox', { name: 'Title group 1' });
    await expectUnknownGroupRefused(first, form.getByRole('button', { name: 'Save' }), form);
    await first.fill('team-leads');
    await form.getByRole('button', { name: 'Save' }).click();
    await expectText(globexCard().getByTestId('title-groups'), 'Jira administrators and team-leads');
    await open('u-admin');
    await expectText(globexCard().getByTestId('title-groups'), 'Jira administrators and team-leads');
    await globexCard().getByRole('button', { name: 'Edit' }).click();
    expect(await page.getByRole('form', { name: 'Edit Globex' }).getByRole('textbox', { name: 'Title group 1' }).inputValue()).toBe('team-leads');
    await screenshot(page, 'admin-title-groups');
    await page.getByRole('form', { name: 'Edit Globex' }).getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('region', { name: 'acme.atlassian.net' }).getByTestId('title-groups').count()).resolves.toBe(0);
  });

  it('counts restricted issues and pages of the other site without titles until the admin allows them', async () => {
    await expectText(globexCard().getByTestId('title-groups'), 'restricted issues and pages counted only');
    await globexCard().getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit Globex' });
    await expectText(form, 'pages with view restrictions');
    await form.getByLabel('Show titles of restricted items').check();
    await form.getByRole('button', { name: 'Save' }).click();
    await expectText(globexCard().getByTestId('title-groups'), 'restricted items included');
  });

  it('shows a line for each project or space the source account can no longer read', async () => {
    const out = await platform.runtime.runInContext({ key: 'test-access-lost' }, async () => {
      const config = createConfigRepository(createForgeKvs());
      const globex = (await config.listDataSources()).find((d) => d.name === 'Globex')!;
      await config.setAccessLost(globex.id, [{ type: 'project', id: '10100', key: 'GLX', name: 'Globex Core' }, { type: 'space', id: '3001', key: 'OPS', name: 'Operations' }], 0);
    });
    expect(out.record.status).toBe('ok');
    await open('u-admin');
    const lines = globexCard().getByTestId('access-lost');
    await expectText(lines, "Access lost to project Globex Core (globex.atlassian.net): activity kept; restore the account's access or remove the source");
    await expectText(lines, 'Access lost to space Operations (globex.atlassian.net)');
    await expect(page.getByRole('region', { name: 'acme.atlassian.net' }).getByTestId('access-lost').count()).resolves.toBe(0);
    await screenshot(page, 'admin-access-lost');
  });

  it('maps teammates by email: one resolves, one is hidden by privacy settings', async () => {
    await page.getByRole('tab', { name: 'Teammates' }).click();
    for (const [name, email] of [['Sam', 'sam@globex.test'], ['Pia', 'pia@globex.test']]) {
      await page.getByRole('button', { name: 'Add teammate' }).click();
      const form = page.getByRole('form', { name: 'Add teammate' });
      await form.getByLabel('Name').fill(name);
      await choose(page, form.getByLabel('Identity 1 applies to'), 'Globex');
      await form.getByLabel('Identity 1 value').fill(email);
      await form.getByRole('button', { name: 'Save teammate' }).click();
      await page.getByRole('cell', { name, exact: true }).waitFor();
    }
    const rows = page.getByTestId('teammate-row');
    await expectText(rows.filter({ hasText: 'Sam' }), 'resolved to Sam Visible');
    await expectText(rows.filter({ hasText: 'Pia' }), "Email hidden by this person's profile settings: map by account ID");
    await screenshot(page, 'admin-teammates');
  });

  it('adds a teammate from the host site with the people picker', async () => {
    await page.getByLabel('Search people by name').fill('Rita');
    await page.getByRole('button', { name: 'Add Rita Reviewer' }).click();
    const row = page.getByTestId('teammate-row').filter({ hasText: 'Rita Reviewer' });
    await expectText(row, 'Account ID u-rita');
    await expectText(row, 'all sources');
  });

  it('picks the group whose members to add from the site\'s groups, whatever the case typed', async () => {
    const add = page.getByRole('button', { name: 'Add members' });
    expect(await add.isDisabled()).toBe(true);
    const picker = page.getByLabel('Add every member of a Jira group');
    await picker.fill('JIRA-U');
    await page.getByText('jira-users', { exact: true }).last().waitFor();
    await picker.press('Enter');
    await expectText(page.getByTestId('members-group-picker'), 'jira-users');
    expect(await add.isDisabled()).toBe(false);
    await screenshot(page, 'admin-members-group-picker');
  });

  it('offers the people search for an email the app cannot see on the host, and maps the person found', async () => {
    await page.getByRole('button', { name: 'Add teammate' }).click();
    const form = page.getByRole('form', { name: 'Add teammate' });
    await form.getByLabel('Name').fill('Hugo');
    await choose(page, form.getByLabel('Identity 1 applies to'), 'acme.atlassian.net');
    await form.getByLabel('Identity 1 value').fill('hugo@acme.test');
    await form.getByRole('button', { name: 'Save teammate' }).click();
    const row = page.getByTestId('teammate-row').filter({ hasText: 'hugo@acme.test' });
    await expectText(row, "Email hidden by this person's profile settings: map by account ID");
    await row.getByRole('button', { name: 'Find Hugo in the people search' }).click();
    await page.getByRole('button', { name: 'Map Hugo to Hugo Hidden' }).click();
    await expectText(row, 'Account ID u-hugo');
    await expectText(row, '(mapped by account ID)');
    await screenshot(page, 'admin-teammates-hidden-email');
  });

  it('marks people already added in the search, says when nobody matches, and refuses adding a person twice', async () => {
    const search = page.getByLabel('Search people by name');
    await search.fill('Rita');
    const found = page.getByRole('list', { name: 'People found' });
    await expectText(found.getByTestId('already-added'), 'Already added');
    expect(await page.getByRole('button', { name: 'Add Rita Reviewer' }).count()).toBe(0);
    await search.fill('Nobody by this name');
    await expectText(page.getByRole('status').filter({ hasText: 'No one on this site matches' }), 'No one on this site matches “Nobody by this name”.');

    await page.getByRole('button', { name: 'Add teammate' }).click();
    const form = page.getByRole('form', { name: 'Add teammate' });
    await choose(page, form.getByLabel('Identity 1 applies to'), 'acme.atlassian.net');
    await choose(page, form.getByLabel('Identity 1 type'), 'Account ID');
    await form.getByLabel('Identity 1 value').fill('u-rita');
    await form.getByRole('button', { name: 'Save teammate' }).click();
    // Every problem at once, the focus on the first.
    await expectText(form, 'Enter a name.');
    await expectText(form, 'This person is already added as Rita Reviewer: edit Rita Reviewer instead.');
    await expectAttr(form.getByLabel('Identity 1 value'), 'aria-invalid', 'true');
    await expectFocus(page, () => document.activeElement?.getAttribute('name'), 'teammateName');
    // An email in another case that resolves to her account is her too.
    await form.getByLabel('Name').fill('Rita again');
    await choose(page, form.getByLabel('Identity 1 type'), 'Email');
    await form.getByLabel('Identity 1 value').fill('RITA@acme.test');
    await form.getByRole('button', { name: 'Save teammate' }).click();
    await expectText(form, 'This email belongs to an account already added as Rita Reviewer');
    await screenshot(page, 'admin-teammate-already-added');
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('teammate-row').filter({ hasText: 'Rita again' }).count()).toBe(0);
  });

  it('offers duplicates made earlier for merge, and merges them into one teammate', async () => {
    const made = await platform.runtime.runInContext({ key: 'test-duplicate' }, async () => {
      const config = createConfigRepository(createForgeKvs());
      const doc = await config.getTeammates();
      const at = new Date().toISOString();
      await config.saveTeammates({ ...doc, teammates: [...doc.teammates, { id: 'tm-dup', name: 'R. Reviewer', externalIds: [{ dataSourceId: 'host', type: 'accountId', value: 'u-rita' }], mappedAt: at }] });
    });
    expect(made.record.status).toBe('ok');
    await page.getByRole('tab', { name: 'Sync' }).click();
    await page.getByRole('tab', { name: 'Teammates' }).click();
    const banner = page.getByTestId('duplicates');
    await expectText(banner, 'Rita Reviewer, R. Reviewer');
    await screenshot(page, 'admin-duplicates');
    await banner.getByRole('button', { name: 'Merge into Rita Reviewer' }).click();
    await expectText(flag(page, 'Merged'), 'Merged R. Reviewer into Rita Reviewer.');
    await banner.waitFor({ state: 'detached' });
    expect(await page.getByTestId('teammate-row').filter({ hasText: 'R. Reviewer' }).count()).toBe(0);
  });

  it('words the schedule errors for people and shows both at once', async () => {
    await page.getByRole('tab', { name: 'Sync' }).click();
    const interval = page.getByLabel('Sync every (minutes)');
    await interval.fill('1');
    await page.getByLabel('History window (days)').fill('1000');
    await page.getByRole('button', { name: 'Save schedule' }).click();
    await expectText(page.getByRole('alert').filter({ hasText: 'Sync interval' }), 'Sync interval: at least 5 minutes');
    await expectText(page.getByRole('alert').filter({ hasText: 'History window' }), 'History window: at most 365 days');
    await expectFocus(page, () => document.activeElement?.closest('.field')?.querySelector('label')?.textContent, 'Sync every (minutes)');
    await interval.fill('60');
    await page.getByLabel('History window (days)').fill('90');
    await page.getByRole('button', { name: 'Save schedule' }).click();
    await expectText(flag(page, 'Schedule saved.'), 'Schedule saved.');
  });

  it('refuses a future end date for Fetch now at the field, starting nothing', async () => {
    await page.getByRole('tab', { name: 'Data sources' }).click();
    const history = () => platform.runtime.invokeResolver('admin-resolver', 'sync/history', { limit: 100 }, { accountId: 'u-admin', moduleKey: 'activitypulse-admin', extension: { type: 'jira:adminPage' } });
    const runsBefore = await history();
    await globexCard().getByRole('button', { name: 'Fetch now' }).click();
    const to = globexCard().getByLabel('To (included)');
    const future = new Date(Date.now() + 3 * 86_400_000);
    // Typed into Atlassian's date picker: its calendar offers no later day, typing still can.
    await to.fill(`${future.getFullYear()}-${String(future.getMonth() + 1).padStart(2, '0')}-${String(future.getDate()).padStart(2, '0')}`);
    await to.press('Enter');
    await globexCard().getByRole('button', { name: 'Start fetch' }).click();
    await expectText(globexCard().getByRole('alert'), 'The end date is in the future: choose today or earlier.');
    await expectAttr(to, 'aria-invalid', 'true');
    expect(await history()).toEqual(runsBefore);
    await globexCard().getByRole('button', { name: 'Close' }).click();
  });

  it('shows an unknown dashboard group next to its field, and saves a valid one', async () => {
    await page.getByRole('tab', { name: 'Access' }).click();
    await page.getByRole('button', { name: 'Add group' }).click();
    const third = page.getByRole('textbox', { name: 'Group 3' });
    await expectUnknownGroupRefused(third, page.getByRole('button', { name: 'Save access' }), page);
    await screenshot(page, 'admin-access');
    await third.fill('jira-users');
    await page.getByRole('button', { name: 'Save access' }).click();
    await expectText(flag(page, 'Access saved.'), 'Access saved.');
  });

  it('picks a title group from the site\'s groups, whatever the case typed', async () => {
    await page.getByRole('tab', { name: 'Data sources' }).click();
    await globexCard().getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit Globex' });
    const picker = form.getByLabel('Add a title group from this site');
    await picker.fill('USERS');
    await page.getByText('jira-users', { exact: true }).last().waitFor();
    await picker.press('Enter');
    await form.getByRole('textbox', { name: 'Title group 2' }).waitFor();
    expect(await form.getByRole('textbox', { name: 'Title group 2' }).inputValue()).toBe('jira-users');
    await screenshot(page, 'admin-group-picker');
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('fetches now, shows the progress bar until the run finishes, and lists the run in history', async () => {
    // Slow the other site a little so the bar is seen moving.
    platform.sites!.faults.add({ match: { site: 'globex' }, type: 'latency', delayMs: 150 });
    await page.getByRole('tab', { name: 'Data sources' }).click();
    await globexCard().getByRole('button', { name: 'Fetch now' }).click();
    await globexCard().getByLabel('From').waitFor();
    await globexCard().getByRole('button', { name: 'Start fetch' }).click();
    const bar = globexCard().getByRole('progressbar', { name: 'Fetching Globex' });
    await bar.waitFor({ timeout: 60_000 });
    await screenshot(page, 'admin-progress');
    // Forge delivers queued continuations by itself; the local platform does when drained.
    let draining = true;
    const drainer = (async () => {
      while (draining) {
        await platform.runtime.drainQueue();
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    try {
      const finished = globexCard().getByTestId('run-finished');
      await finished.waitFor({ timeout: 60_000 });
      await expectText(finished, 'Done: Globex');
      // The Atlassian progress bar gives its value as the share done, 0 to 1: full is 1 of 1.
      const full = finished.getByRole('progressbar', { name: 'Fetched Globex' });
      await expectAttr(full, 'aria-valuemax', '1');
      await expectAttr(full, 'aria-valuenow', '1');
      await bar.waitFor({ state: 'detached' });
      await screenshot(page, 'admin-fetch-done');
    } finally {
      draining = false;
      await drainer;
    }
    platform.sites!.faults.clear();

    await page.getByRole('tab', { name: 'Sync' }).click();
    const row = page.getByTestId('run-row').filter({ hasText: 'Globex' }).first();
    await row.waitFor();
    await expectText(row, 'Done');
    await expectText(row, 'Jira comments');
    await screenshot(page, 'admin-history');
  });

  it('follows the Jira theme: dark mode uses the dark design tokens', async () => {
    await open('u-admin', 'dark');
    await page.getByRole('tab', { name: 'Data sources' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(200);
    await screenshot(page, 'admin-dark');
    await page.getByRole('button', { name: 'Add data source' }).click();
    // The text field draws its background around the input: the colour behind the typed text.
    expect(isDark((await colours(page.getByLabel('Jira URL'))).bg)).toBe(true);
    await screenshot(page, 'admin-dark-form');
  });

  it('tells a user who is not a Jira administrator that they have no access', async () => {
    await open('u-lead');
    await expectText(page.getByTestId('page-error'), 'You do not have access');
    await screenshot(page, 'admin-forbidden');
  });

  it('explains Confluence not connected to the app, and how to connect it, instead of an error', async () => {
    platform.runtime.setConfluenceConnected(false);
    try {
      await open('u-admin');
      const hostCard = page.getByRole('region', { name: 'acme.atlassian.net' });
      const note = hostCard.getByTestId('confluence-not-connected');
      await expectText(note, 'Confluence is not connected to this app');
      await expectText(note, 'Connected apps');
      await hostCard.getByRole('button', { name: 'Test connection' }).click();
      await expectText(hostCard.getByTestId('test-confluence'), 'Confluence: Confluence is not connected to this app');
      expect(await hostCard.getByTestId('test-jira').getAttribute('data-status')).toBe('ok');
      await screenshot(page, 'admin-confluence-not-connected');
    } finally {
      platform.runtime.setConfluenceConnected(true);
    }
  });

  it('deletes a source only after asking in a dialog: Cancel keeps it', async () => {
    await open('u-admin');
    await globexCard().getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Globex?' });
    await expectText(dialog, 'Its token is deleted');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await globexCard().count()).toBe(1);
    await globexCard().getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete Globex?' }).getByRole('button', { name: 'Delete' }).click();
    await expectText(flag(page, 'Globex was deleted.'), 'Globex was deleted.');
    await globexCard().waitFor({ state: 'detached' });
  });
});

/** Types a misspelt group into a group row, saves, and expects the refusal next to that row. */
async function expectUnknownGroupRefused(row: Locator, save: Locator, within: Page | Locator): Promise<void> {
  await row.fill('team-laeds');
  await save.click();
  await expectAttr(row, 'aria-invalid', 'true');
  await expectText(within.getByRole('alert').first(), 'There is no group called "team-laeds" on this site.');
}

async function expectText(loc: { waitFor(o?: object): Promise<void>; textContent(): Promise<string | null> }, text: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let last = '';
  while (Date.now() < deadline) {
    try {
      last = (await loc.textContent()) ?? "";
      if (last.includes(text)) return;
    } catch {
      /* not there yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected "${text}" in: ${last.slice(0, 500)}`);
}

async function expectAttr(loc: { getAttribute(n: string): Promise<string | null> }, name: string, value: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if ((await loc.getAttribute(name)) === value) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${name}="${value}"`);
}

/**
 * Waits until `read`, run in the page, gives `value`. A form moves the focus to its first invalid
 * field in an effect, after the render that shows the errors: it can land a frame after them.
 */
async function expectFocus(page: Page, read: () => string | null | undefined, value: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let last: string | null | undefined;
  while (Date.now() < deadline) {
    last = await page.evaluate(read);
    if (last === value) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected the focus to give "${value}", got "${last}"`);
}

/** Picks an option of an Atlassian select (a combobox with a listbox of options), opened by keyboard. */
async function choose(page: Page, combobox: Locator, option: string): Promise<void> {
  await combobox.focus();
  await combobox.press('ArrowDown');
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A flag shown through the Forge bridge's showFlag (drawn by the local Jira page). */
function flag(page: Page, text: string): Locator {
  return page.getByRole('status').filter({ hasText: text });
}
