import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { readCustomUiApps } from '../../local/host/apps';
import type { HostSiteInfo } from '../../local/host/pages';
import { startCustomUiHost, type CustomUiHost, type InvokeContext } from '../../local/host/server';

const REPO = path.resolve(__dirname, '..', '..');

const site: HostSiteInfo = {
  name: 'acme',
  cloudId: 'cloud-acme-1',
  users: [
    { accountId: 'u-admin', displayName: 'Ada Admin', email: 'ada@acme.test', timeZone: 'Europe/Berlin' },
    { accountId: 'u-lead', displayName: 'Lee Lead', email: 'lee@acme.test' },
    { accountId: 'u-none', displayName: 'Nia Nobody', email: 'nia@acme.test' },
  ],
  roles: { admin: 'u-admin', teamLead: 'u-lead', noAccess: 'u-none' },
};

interface Call {
  functionKey: string;
  resolverKey: string;
  payload: unknown;
  ctx: InvokeContext;
}

/** Raw HTTP so crafted paths reach the server exactly as written. */
function request(base: string, rawPath: string, method = 'GET', body?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: rawPath, method, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('Custom UI host', () => {
  let tmp: string;
  let host: CustomUiHost;
  const calls: Call[] = [];

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'ap-host-'));
    writeFileSync(path.join(tmp, 'secret.txt'), 'TOP-SECRET-OUTSIDE-BUILD');
    const apps = readCustomUiApps(path.join(REPO, 'manifest.yml'), REPO).map((a) => {
      const buildDir = path.join(tmp, 'static', a.name, 'build');
      mkdirSync(path.join(buildDir, 'assets'), { recursive: true });
      writeFileSync(
        path.join(buildDir, 'index.html'),
        `<!doctype html><html><head><meta charset="utf-8"><script type="module" src="./assets/${a.name}.js"></script></head><body><div id="root"></div></body></html>`,
      );
      writeFileSync(path.join(buildDir, 'assets', `${a.name}.js`), `console.log("the ${a.name} bundle");`);
      return { ...a, buildDir };
    });
    host = await startCustomUiHost({
      site,
      apps,
      platform: {
        runtime: {
          async invokeResolver(functionKey, resolverKey, payload, ctx) {
            calls.push({ functionKey, resolverKey, payload, ctx });
            if (resolverKey === 'explode') throw new Error('resolver blew up');
            return { ok: true, data: { echoed: payload, by: ctx.accountId } };
          },
        },
      },
    });
  });

  afterAll(async () => {
    await host?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  beforeEach(() => {
    calls.length = 0;
  });

  it('reads both Custom UI pages and their resolvers from manifest.yml', () => {
    const byName = Object.fromEntries(host.apps.map((a) => [a.name, a]));
    expect(byName.admin).toMatchObject({ moduleKey: 'activitypulse-admin', extensionType: 'jira:adminPage', functionKey: 'admin-resolver' });
    expect(byName.dashboard).toMatchObject({ moduleKey: 'activitypulse-dashboard', extensionType: 'jira:globalPage', functionKey: 'dashboard-resolver' });
  });

  it('carries an invoke over HTTP to the runtime with the module context, and the result back', async () => {
    const res = await request(host.url, '/api/invoke', 'POST', JSON.stringify({ app: 'dashboard', accountId: 'u-lead', functionKey: 'dashboard/summary', payload: { from: '2026-11-01' } }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ result: { ok: true, data: { echoed: { from: '2026-11-01' }, by: 'u-lead' } } });
    expect(calls).toEqual([
      {
        functionKey: 'dashboard-resolver',
        resolverKey: 'dashboard/summary',
        payload: { from: '2026-11-01' },
        ctx: { accountId: 'u-lead', moduleKey: 'activitypulse-dashboard', extension: { type: 'jira:globalPage' } },
      },
    ]);
  });

  it('answers a failing resolver with 500 and its message, and bad bodies with specific 4xx errors', async () => {
    const boom = await request(host.url, '/api/invoke', 'POST', JSON.stringify({ app: 'admin', accountId: 'u-admin', functionKey: 'explode' }));
    expect(boom.status).toBe(500);
    expect(JSON.parse(boom.text)).toEqual({ error: { message: 'resolver blew up' } });

    const notJson = await request(host.url, '/api/invoke', 'POST', '{nope');
    expect(notJson.status).toBe(400);
    expect(notJson.text).toContain('not JSON');

    const noKey = await request(host.url, '/api/invoke', 'POST', JSON.stringify({ app: 'admin', accountId: 'u-admin' }));
    expect(noKey.status).toBe(400);
    expect(JSON.parse(noKey.text).error.message).toContain('functionKey');

    const unknownApp = await request(host.url, '/api/invoke', 'POST', JSON.stringify({ app: 'nope', accountId: 'u-admin', functionKey: 'x' }));
    expect(unknownApp.status).toBe(404);

    const huge = await request(host.url, '/api/invoke', 'POST', JSON.stringify({ app: 'admin', accountId: 'u-admin', functionKey: 'x', payload: 'y'.repeat(1_100_000) }));
    expect(huge.status).toBe(413);
    expect(calls.map((c) => c.resolverKey)).toEqual(['explode']);
  });

  it('redirects a frame URL to its folder URL so relative asset URLs resolve', async () => {
    const res = await request(host.url, '/frame/admin?as=u-admin&theme=dark');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/frame/admin/?as=u-admin&theme=dark');
  });

  it('injects the bridge shim as the first script of <head>, before the app bundle', async () => {
    const res = await request(host.url, '/frame/admin/?as=u-admin&theme=dark');
    expect(res.status).toBe(200);
    const firstScript = res.text.indexOf('<script');
    expect(firstScript).toBe(res.text.indexOf('<script data-forge-local-bridge>'));
    expect(firstScript).toBeGreaterThan(res.text.indexOf('<head>'));
    expect(firstScript).toBeLessThan(res.text.indexOf('assets/admin.js'));
  });

  it('runs the shim: getContext, invoke through the host, unknown commands rejected', async () => {
    const page = await request(host.url, '/frame/dashboard/?as=u-admin&theme=dark#/feed');
    const script = /<script data-forge-local-bridge>([\s\S]*?)<\/script>/.exec(page.text)?.[1];
    expect(script).toBeDefined();
    const attributes: Record<string, string> = {};
    const appended: string[] = [];
    const win: Record<string, unknown> = {
      location: { origin: host.url, pathname: '/frame/dashboard/', search: '?as=u-admin&theme=dark', hash: '#/feed' },
      fetch: (u: string, init: RequestInit) => fetch(host.url + u, init),
      addEventListener: () => undefined,
      document: {
        documentElement: { setAttribute: (k: string, v: string) => (attributes[k] = v) },
        querySelector: () => null,
        createElement: () => ({ setAttribute: () => undefined }),
        head: { appendChild: (el: { href: string }) => appended.push(el.href) },
      },
    };
    win.globalThis = win;
    win.window = win;
    vm.runInNewContext(script as string, win);
    const bridge = win.__bridge as { callBridge(cmd: string, p?: unknown): Promise<unknown> };

    const context = (await bridge.callBridge('getContext')) as Record<string, unknown>;
    expect(context).toMatchObject({
      accountId: 'u-admin',
      cloudId: 'cloud-acme-1',
      siteUrl: 'https://acme.atlassian.net',
      moduleKey: 'activitypulse-dashboard',
      extension: { type: 'jira:globalPage' },
      theme: { colorMode: 'dark' },
      timezone: 'Europe/Berlin',
      environmentType: 'DEVELOPMENT',
    });

    const result = await bridge.callBridge('invoke', { functionKey: 'dashboard/feed', payload: { limit: 5 } });
    expect(result).toEqual({ ok: true, data: { echoed: { limit: 5 }, by: 'u-admin' } });
    expect(calls[0]).toMatchObject({ functionKey: 'dashboard-resolver', resolverKey: 'dashboard/feed' });
    await expect(bridge.callBridge('invoke', { functionKey: 'explode' })).rejects.toThrow('resolver blew up');

    await bridge.callBridge('enableTheming');
    expect(attributes['data-color-mode']).toBe('dark');
    expect(attributes['data-theme']).toContain('dark:dark');
    expect(appended).toContain('/__host/tokens/dark.css');

    const history = (await bridge.callBridge('createHistory')) as { location: { pathname: string } };
    expect(history.location.pathname).toBe('/feed');
    await expect(bridge.callBridge('openRovo')).rejects.toThrow('does not implement');
  });

  it('serves the built assets with their content type', async () => {
    const res = await request(host.url, '/frame/dashboard/assets/dashboard.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/javascript');
    expect(res.text).toBe('console.log("the dashboard bundle");');
    expect((await request(host.url, '/frame/dashboard/assets/missing.js')).status).toBe(404);
  });

  it('serves the Atlassian design-token themes the shim links', async () => {
    const dark = await request(host.url, '/__host/tokens/dark.css');
    expect(dark.status).toBe(200);
    expect(dark.headers['content-type']).toContain('text/css');
    expect(dark.text).toContain('html[data-color-mode="dark"][data-theme~="dark:dark"]');
    expect(dark.text).toContain('--ds-surface:');
    expect((await request(host.url, '/__host/tokens/evil.css')).status).toBe(404);
  });

  it.each([
    '/frame/admin/..%2f..%2f..%2fsecret.txt',
    '/frame/admin/%2e%2e/%2e%2e/%2e%2e/secret.txt',
    '/frame/admin/assets/..%2F..%2F..%2F..%2Fsecret.txt',
    '/frame/admin/..%5c..%5c..%5csecret.txt',
    '/frame/admin/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt%00.js',
    '/frame/admin/../../../secret.txt',
  ])('refuses path traversal: %s', async (raw) => {
    const res = await request(host.url, raw);
    expect([400, 403, 404]).toContain(res.status);
    expect(res.text).not.toContain('TOP-SECRET');
  });

  it('lists the fixture roles on the chooser with links to both apps in both themes', async () => {
    const res = await request(host.url, '/');
    expect(res.status).toBe(200);
    for (const u of site.users) expect(res.text).toContain(u.displayName);
    for (const app of ['admin', 'dashboard'])
      for (const mode of ['light', 'dark'])
        for (const id of ['u-admin', 'u-lead', 'u-none']) expect(res.text).toContain(`/app/${app}?as=${id}&theme=${mode}`);
  });

  it('frames the app on a Jira-like page in the chosen theme', async () => {
    const res = await request(host.url, '/app/dashboard?as=u-lead&theme=dark');
    expect(res.status).toBe(200);
    expect(res.text).toContain('data-color-mode="dark"');
    expect(res.text).toContain('src="/frame/dashboard/?as=u-lead&theme=dark"');
    expect(res.text).toContain('Lee Lead');
  });

  it('rejects unknown users and themes with a clear message', async () => {
    const who = await request(host.url, '/frame/admin/?as=ghost');
    expect(who.status).toBe(400);
    expect(who.text).toContain('Unknown user "ghost"');
    const theme = await request(host.url, '/app/admin?as=u-admin&theme=sepia');
    expect(theme.status).toBe(400);
    expect(theme.text).toContain('theme must be light or dark');
  });
});
