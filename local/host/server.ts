import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { z } from 'zod';
import { readCustomUiApps, type CustomUiApp } from './apps';
import { contentTypeOf, readRegularFile, resolveInside } from './files';
import {
  appPage,
  chooserPage,
  frameContext,
  injectShim,
  themeCssLinks,
  type ColorMode,
  type HostSiteInfo,
  type HostUser,
} from './pages';
import { isThemeId, THEME_ATTRIBUTE, TokenThemes } from './tokens';

/**
 * The local Custom UI host: serves the built Custom UI apps with a bridge shim, the way Jira
 * frames them, and carries `invoke` to the local runtime. node:http only; listens on loopback.
 */

export interface InvokeContext {
  accountId: string;
  moduleKey: string;
  extension: { type: string };
}
/** What the host needs of the local platform (local/platform.ts). */
export interface HostPlatform {
  runtime: { invokeResolver(functionKey: string, resolverKey: string, payload: unknown, ctx: InvokeContext): Promise<unknown> };
  /** The site emulator: its first site is the host site. */
  sites?: { readonly siteNames: string[]; site(name: string): { readonly raw: HostSiteInfo } };
}
export interface CustomUiHostOptions {
  platform: HostPlatform;
  /** 0 (the default) = an ephemeral port. */
  port?: number;
  /** The host site; by default the platform's first emulated site, read live per request. */
  site?: HostSiteInfo | (() => HostSiteInfo);
  /** Repository root: manifest.yml, static/<app>/build, static/node_modules/@atlaskit/tokens. */
  rootDir?: string;
  /** Overrides the apps read from the manifest (tests serve a stand-in build). */
  apps?: CustomUiApp[];
  /** One line per failed invocation; silent by default. */
  log?: (line: string) => void;
}
export interface CustomUiHost {
  url: string;
  apps: CustomUiApp[];
  close(): Promise<void>;
}

const MAX_INVOKE_BODY = 1024 * 1024;
const ROOT = path.resolve(__dirname, '..', '..');

const invokeBodySchema = z.object({
  app: z.string().min(1),
  accountId: z.string().min(1),
  functionKey: z.string().min(1),
  payload: z.unknown().optional(),
});

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startCustomUiHost(options: CustomUiHostOptions): Promise<CustomUiHost> {
  const rootDir = options.rootDir ?? ROOT;
  const apps = options.apps ?? readCustomUiApps(path.join(rootDir, 'manifest.yml'), rootDir);
  const themes = new TokenThemes(path.join(rootDir, 'static', 'node_modules', '@atlaskit', 'tokens'));
  const shimSource = ['shim-flags.js', 'bridge-shim.js'].map((f) => readFileSync(path.join(__dirname, f), 'utf8')).join('\n');
  const emulator = options.platform.sites;
  const hostName = emulator?.siteNames[0];
  const siteSource = options.site ?? (emulator && hostName ? () => emulator.site(hostName).raw : undefined);
  if (!siteSource) throw new Error('startCustomUiHost needs the host site: pass `site`, or a platform with an emulated site');
  const siteOf = (): HostSiteInfo => (typeof siteSource === 'function' ? siteSource() : siteSource);
  const log = options.log ?? (() => undefined);

  const appByName = (name: string): CustomUiApp => {
    const app = apps.find((a) => a.name === name);
    if (!app) throw new HttpError(404, `No Custom UI app "${name}". Apps: ${apps.map((a) => a.name).join(', ')}`);
    return app;
  };
  const userOf = (site: HostSiteInfo, accountId: string | null): HostUser => {
    if (!accountId) throw new HttpError(400, 'Missing ?as=<accountId>: open / to pick a user');
    const user = site.users.find((u) => u.accountId === accountId);
    if (!user) throw new HttpError(400, `Unknown user "${accountId}" on ${site.name}: open / to pick a user`);
    return user;
  };
  const modeOf = (q: URLSearchParams): ColorMode => {
    const t = q.get('theme') ?? 'light';
    if (t !== 'light' && t !== 'dark') throw new HttpError(400, `theme must be light or dark, got "${t}"`);
    return t;
  };

  async function serveFrame(res: http.ServerResponse, app: CustomUiApp, sub: string, q: URLSearchParams): Promise<void> {
    if (sub === '' || sub === 'index.html') {
      const site = siteOf();
      const user = userOf(site, q.get('as'));
      const mode = modeOf(q);
      const index = await readRegularFile(path.join(app.buildDir, 'index.html'));
      if (!index) throw new HttpError(503, `The ${app.name} app is not built: run \`npm run build:ui\``);
      const config = {
        app: app.name,
        invokeUrl: '/api/invoke',
        context: frameContext(site, app, user, mode),
        theme: { colorMode: mode, themeAttribute: THEME_ATTRIBUTE, themeCss: themeCssLinks(mode) },
      };
      return send(res, 200, 'text/html; charset=utf-8', injectShim(index.toString('utf8'), shimSource, config), 'no-store');
    }
    const r = resolveInside(app.buildDir, sub);
    if (!r.ok) throw new HttpError(r.status, 'Refused: the path leaves the app folder');
    const body = await readRegularFile(r.file);
    if (!body) throw new HttpError(404, `Not found: ${sub}`);
    send(res, 200, contentTypeOf(r.file), body, 'no-cache');
  }

  async function invoke(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req, MAX_INVOKE_BODY);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new HttpError(400, 'The invoke body is not JSON');
    }
    const parsed = invokeBodySchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new HttpError(400, `Bad invoke body: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
    }
    const { app: appName, accountId, functionKey, payload } = parsed.data;
    const app = appByName(appName);
    try {
      const result = await options.platform.runtime.invokeResolver(app.functionKey, functionKey, payload ?? {}, {
        accountId,
        moduleKey: app.moduleKey,
        extension: { type: app.extensionType },
      });
      send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ result: result === undefined ? null : result }), 'no-store');
    } catch (e) {
      // Forge shows the app a generic failure; the message helps locally, the stack stays here.
      const message = e instanceof Error ? e.message : String(e);
      log(`invoke ${app.functionKey} ${functionKey} failed: ${message}`);
      send(res, 500, 'application/json; charset=utf-8', JSON.stringify({ error: { message } }), 'no-store');
    }
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://host.local');
    // Segments are matched on the raw path: URL() has already folded plain `..`, and encoded
    // ones are refused by resolveInside.
    const p = url.pathname;
    const q = url.searchParams;
    if (req.method === 'POST' && p === '/api/invoke') return invoke(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Method not allowed');
    if (p === '/' || p === '/index.html') return send(res, 200, 'text/html; charset=utf-8', chooserPage(siteOf(), apps, modeOf(q)), 'no-store');
    let m = /^\/__host\/tokens\/([a-z]+)\.css$/.exec(p);
    if (m) {
      const id = m[1] ?? '';
      const css = isThemeId(id) ? themes.css(id) : undefined;
      if (css === undefined) throw new HttpError(404, `No token theme "${id}" (is static/ installed?)`);
      return send(res, 200, 'text/css; charset=utf-8', css, 'max-age=3600');
    }
    m = /^\/app\/([a-z0-9-]+)\/?$/.exec(p);
    if (m) {
      const site = siteOf();
      const app = appByName(m[1] ?? '');
      return send(res, 200, 'text/html; charset=utf-8', appPage(site, app, apps, userOf(site, q.get('as')), modeOf(q)), 'no-store');
    }
    m = /^\/frame\/([a-z0-9-]+)$/.exec(p);
    if (m) {
      // Vite builds use relative asset URLs, so the frame must live at a folder URL.
      appByName(m[1] ?? '');
      res.writeHead(302, { location: `/frame/${m[1]}/${url.search}` });
      res.end();
      return;
    }
    m = /^\/frame\/([a-z0-9-]+)\/(.*)$/.exec(p);
    if (m) return serveFrame(res, appByName(m[1] ?? ''), m[2] ?? '', q);
    throw new HttpError(404, `Not found: ${p}`);
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      const message = e instanceof Error ? e.message : String(e);
      if (!(e instanceof HttpError)) log(`host error on ${req.method} ${req.url}: ${message}`);
      if (res.headersSent) return void res.end();
      const isApi = (req.url ?? '').startsWith('/api/');
      if (isApi) send(res, status, 'application/json; charset=utf-8', JSON.stringify({ error: { message } }), 'no-store');
      else send(res, status, 'text/plain; charset=utf-8', message, 'no-store');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apps,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, cache: string): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': cache,
    'x-content-type-options': 'nosniff',
    'content-length': Buffer.byteLength(body),
  });
  res.end(res.req?.method === 'HEAD' ? undefined : body);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // An oversized body is drained, not cut off, so the client still gets the 413 answer.
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => {
      if (size > limit) reject(new HttpError(413, `The invoke body is larger than ${limit} bytes`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}
