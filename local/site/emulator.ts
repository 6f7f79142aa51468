import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SiteFixture } from './fixture-schema';
import { SiteState } from './site-state';
import { FaultInjector, type FaultRule } from './faults';
import { RequestLog, type RequestLogEntry } from './request-log';
import { familyOf, Router } from './router';
import { allRoutes } from './routes';
import { authenticate } from './auth';
import { ApiError, type SiteReply } from './http-types';
import { errorBody } from './error-bodies';
import { Viewer } from './viewer';
import { EMULATED_LATENCY_HEADER, type LatencyMode } from './latency';
import { checkRequest, formatViolation, recordViolation, requestValidator, takeViolations, type RequestViolation } from './request-check';
import { GATEWAY_UNAUTHORIZED, routeGateway, SCOPE_MISMATCH } from './gateway';
import { scopesAllow } from './gateway-scopes';

export interface SiteEmulatorOptions {
  sites: SiteFixture[];
  /** Seed for fault probabilities (default 1). */
  seed?: number;
  /** Wait out planned latency (default) or report it in a header (see latency.ts). */
  latency?: LatencyMode;
}

export interface SiteEmulator {
  readonly baseUrl: string;
  site(name: string): SiteState;
  readonly siteNames: string[];
  readonly faults: FaultInjector;
  readonly requestLog: readonly RequestLogEntry[];
  resetLog(): void;
  stats(): Record<string, number>;
  /**
   * Claims (removes and returns) the requests to this emulator that the OpenAPI documents do not
   * define; unclaimed ones fail the test that made them.
   */
  takeViolations(): RequestViolation[];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Starts an HTTP server on 127.0.0.1 (ephemeral port) hosting every given site. */
export async function createSiteEmulator(options: SiteEmulatorOptions): Promise<SiteEmulator> {
  const sites = new Map<string, SiteState>();
  for (const f of options.sites) {
    if (sites.has(f.name)) throw new Error(`two sites are named ${f.name}`);
    sites.set(f.name, new SiteState(f));
  }
  // Throws at start when the OpenAPI documents are missing: requests are never left unchecked.
  requestValidator();
  const faults = new FaultInjector(options.seed ?? 1);
  const log = new RequestLog();
  const mine = new WeakSet<RequestViolation>();
  const router = new Router().add(allRoutes);

  const server = http.createServer((req, res) => {
    // A client that hung up mid-response must not take the emulator down with it.
    const record = (v: RequestViolation): void => {
      mine.add(v);
      recordViolation(v);
    };
    handle(req, res, { sites, faults, log, router, latency: options.latency ?? 'sleep', record }).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    site(name: string): SiteState {
      const s = sites.get(name);
      if (!s) throw new Error(`no emulated site named ${name}`);
      return s;
    },
    get siteNames() {
      return [...sites.keys()];
    },
    faults,
    get requestLog() {
      return log.entries;
    },
    resetLog: () => log.reset(),
    stats: () => log.stats(),
    takeViolations: () => takeViolations((v) => mine.has(v)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

interface Ctx {
  sites: Map<string, SiteState>;
  faults: FaultInjector;
  log: RequestLog;
  router: Router;
  latency: LatencyMode;
  record: (v: RequestViolation) => void;
}

/** `acme.atlassian.net` (any port, any case) → `acme`. */
export function siteNameFromHost(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const m = /^([a-z0-9-]+)\.(atlassian\.net|jira\.com)(:\d+)?$/.exec(host.trim().toLowerCase());
  return m?.[1];
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: Ctx): Promise<void> {
  const started = Date.now();
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const method = (req.method ?? 'GET').toUpperCase();
  const fwd = req.headers['x-forwarded-host'];
  const forwardedHost = Array.isArray(fwd) ? fwd[0] : fwd;
  const gateway = routeGateway(forwardedHost, url.pathname, ctx.sites);
  if (gateway.kind === 'gateway') url.pathname = gateway.path;
  const family = familyOf(url.pathname);
  const siteName = gateway.kind === 'gateway' ? gateway.state.name : (siteNameFromHost(forwardedHost) ?? '');
  const entry: RequestLogEntry = {
    site: siteName,
    method,
    path: url.pathname + url.search,
    status: 0,
    identity: 'none',
    ms: 0,
    endpoint: `${method} (unmatched)`,
    ...(gateway.kind === 'site' ? {} : { via: 'gateway' as const }),
  };
  // In 'report' mode the log shows the planned latency, the time the response stands for.
  let reportedMs = 0;
  const finish = (): void => {
    entry.ms = ctx.latency === 'report' ? reportedMs : Date.now() - started;
    ctx.log.record(entry);
  };

  if (gateway.kind === 'refused') {
    send(res, { status: gateway.status, body: gateway.body }, entry);
    return finish();
  }
  let body: unknown;
  let bodyError: unknown;
  if (method !== 'GET' && method !== 'HEAD') {
    try {
      body = await readJson(req);
    } catch (err) {
      bodyError = err;
    }
  }
  if (bodyError === undefined) {
    const header = req.headers['content-type'];
    const verdict = checkRequest({ method, pathname: url.pathname, query: url.searchParams, contentType: header, body });
    if (!verdict.ok) {
      const violation: RequestViolation = { site: siteName, method, path: entry.path, operation: verdict.operation, violations: verdict.violations };
      ctx.record(violation);
      entry.violation = formatViolation(violation);
      const message = `Request not defined by the official OpenAPI documents: ${verdict.violations.join('; ')}`;
      send(res, { status: 400, body: errorBody(family, 400, message) }, entry);
      return finish();
    }
  }

  const state = ctx.sites.get(siteName);
  const match = ctx.router.match(method, url.pathname);
  if (match.kind === 'found') entry.endpoint = `${method} ${match.route.template}`;
  if (!state) {
    const message = siteName === ''
      ? 'Missing or unrecognised x-forwarded-host header: send x-forwarded-host: <site>.atlassian.net.'
      : `No site named '${siteName}' is emulated here.`;
    send(res, { status: 404, body: errorBody(family, 404, message) }, entry);
    return finish();
  }

  const plan = ctx.faults.plan(siteName, method, url.pathname);
  if (plan.delayMs > 0 && ctx.latency === 'sleep') await sleep(plan.delayMs);
  if (plan.delayMs > 0 && ctx.latency === 'report') {
    reportedMs = plan.delayMs;
    // Set before any writeHead below, which merges it into the response head.
    res.setHeader(EMULATED_LATENCY_HEADER, String(plan.delayMs));
  }
  const fault = plan.terminal;
  if (fault) entry.fault = fault.type;
  if (fault && fault.type !== 'truncate') {
    if (fault.type === 'drop') {
      req.socket.destroy();
      return finish();
    }
    send(res, faultReply(fault, family, state.now()), entry);
    return finish();
  }

  let reply: SiteReply;
  try {
    if (bodyError !== undefined) throw bodyError;
    reply = dispatch(state, req, url, method, match, body, entry, gateway.kind === 'gateway');
  } catch (err) {
    reply = errorReply(family, err);
  }
  if (fault?.type === 'truncate') {
    const text = JSON.stringify(reply.body ?? {});
    entry.status = reply.status;
    res.writeHead(reply.status, { 'content-type': 'application/json;charset=UTF-8', ...reply.headers });
    res.end(text.slice(0, Math.floor(text.length / 2)));
    return finish();
  }
  send(res, reply, entry);
  finish();
}

function dispatch(
  state: SiteState,
  req: IncomingMessage,
  url: URL,
  method: string,
  match: ReturnType<Router['match']>,
  body: unknown,
  entry: RequestLogEntry,
  viaGateway: boolean,
): SiteReply {
  const family = familyOf(url.pathname);
  // Public, no credentials: what a scoped token's gateway address needs (the site's cloud id).
  if (!viaGateway && method === 'GET' && url.pathname === '/_edge/tenant_info') return { status: 200, body: { cloudId: state.cloudId } };
  if (url.pathname.startsWith('/wiki') && !state.hasConfluence) {
    return { status: 404, body: errorBody(family, 404, 'Confluence is not available on this site.') };
  }
  const auth = authenticate(state, req.headers, family === 'jira' ? 'jira' : 'confluence', viaGateway ? 'gateway' : 'site');
  if (!auth.ok) {
    if (viaGateway && auth.status === 401) return { status: 401, body: GATEWAY_UNAUTHORIZED };
    const headers: Record<string, string> = auth.status === 401 ? { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' } : {};
    return { status: auth.status, body: errorBody(family, auth.status, auth.message), headers };
  }
  const viewer = new Viewer(state, auth.identity);
  entry.identity = viewer.label;
  state.onRequest?.({ method, path: url.pathname });
  if (match.kind === 'none') throw new ApiError(404, `No API is served at ${url.pathname}.`);
  if (match.kind === 'wrong-method') throw new ApiError(405, `Method ${method} is not allowed here.`);
  if (viaGateway && !scopesAllow(method, match.route.template, auth.scopes ?? [])) {
    return { status: SCOPE_MISMATCH.status, headers: { ...SCOPE_MISMATCH.headers }, body: SCOPE_MISMATCH.body };
  }
  const call = (): SiteReply =>
    match.route.handler({
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      params: match.params,
      state,
      viewer,
      siteUrl: state.siteUrl,
    });
  if (!(auth.loginFailed && family === 'jira')) return call();
  // Jira marks every answer to a refused login that it served as the anonymous user.
  const flag = { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' };
  try {
    const reply = call();
    return { ...reply, headers: { ...reply.headers, ...flag } };
  } catch (err) {
    const reply = errorReply(family, err);
    return { ...reply, headers: { ...reply.headers, ...flag } };
  }
}

function errorReply(family: ReturnType<typeof familyOf>, err: unknown): SiteReply {
  if (err instanceof ApiError) return { status: err.status, body: errorBody(family, err.status, err.message, err.fieldErrors) };
  const message = err instanceof Error ? err.message : String(err);
  return { status: 500, body: errorBody(family, 500, `Internal server error: ${message}`) };
}

/**
 * X-RateLimit-Reset as Jira and Confluence send it: the request time plus Retry-After, in the
 * format yyyy-MM-ddTHH:mmZ (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/).
 * The docs do not say how seconds are rounded; rounding up keeps the reset no earlier than it is.
 */
const resetHeader = (ms: number): string => `${new Date(Math.ceil(ms / 60_000) * 60_000).toISOString().slice(0, 16)}Z`;

function faultReply(fault: FaultRule, family: ReturnType<typeof familyOf>, nowMs: number): SiteReply {
  if (fault.type === 'status429') {
    const sec = fault.retryAfterSec ?? 1;
    const headers: Record<string, string> = fault.resetHeaderOnly
      ? { 'x-ratelimit-reset': resetHeader(nowMs + sec * 1000) }
      : { 'retry-after': String(sec), 'x-ratelimit-reset': resetHeader(nowMs + sec * 1000) };
    headers['ratelimit-reason'] = 'jira-burst-based';
    return { status: 429, headers, body: errorBody(family, 429, 'Rate limit exceeded.') };
  }
  const status = fault.status ?? 503;
  return { status, body: errorBody(family, status, 'The service is temporarily unavailable.') };
}

function send(res: ServerResponse, reply: SiteReply, entry: RequestLogEntry): void {
  entry.status = reply.status;
  if (reply.body === undefined) {
    res.writeHead(reply.status, reply.headers);
    res.end();
    return;
  }
  res.writeHead(reply.status, { 'content-type': 'application/json;charset=UTF-8', ...reply.headers });
  res.end(JSON.stringify(reply.body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, 'The request body is too large.');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'The request body is not valid JSON.');
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
