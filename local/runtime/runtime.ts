import type { KvsEmulator } from '../kvs/emulator';
import { currentInvocation, type InvocationContext, InvocationCutOffError } from './context';
import { takeEmulatedLatency } from './emulated-latency';
import { EgressPolicy } from './egress';
import { EventQueue } from './event-queue';
import { DEFAULT_RUNTIME_INFO, type ForgeTarget, type PlatformHooks, type RuntimeInfo } from './global-state';
import { type InvocationOutcome, type InvocationRecord, Invoker } from './invoker';
import type { AppManifest } from './manifest';
import { type RealSiteOptions, SiteRouter } from './site-routing';
import { confluenceNotConnectedResponse, isConfluenceEvent } from './installation';
import { handleStargate, PersonalDataReporting } from './stargate';
import { ConsumerDelivery, type DrainResult, isRetryRequest, MAX_RETRIES } from './consumer-delivery';
import { TimeModel, type TimeOptions, virtualSleep } from './time-model';

/**
 * What the runtime needs of the KVS: the in-process emulator, or a client of one that runs in
 * another thread (the bench's scale measure keeps the emulators' heap out of the function's).
 */
export type KvsBackend = Pick<KvsEmulator, 'latencyMs' | 'handle'>;

export interface RuntimeLimits {
  resolverMs?: number;
  productEventMs?: number;
  triggerMs?: number;
  consumerMs?: number;
}

export interface LocalRuntimeOptions {
  manifest: AppManifest;
  appDir: string;
  kvs: KvsBackend;
  originalFetch: typeof fetch;
  emulatorBaseUrl?: string;
  siteNames: string[];
  cloudId?: string;
  realSite?: RealSiteOptions;
  limits?: RuntimeLimits;
  time?: TimeOptions;
  /** Confluence connected to the installation (default true); see setConfluenceConnected. */
  confluenceConnected?: boolean;
  /** Where the handler modules are loaded from (default `<appDir>/src`; `.bundle/functions` for the bundle). */
  functionsDir?: string;
}

export interface InvokeOptions {
  accountId: string;
  moduleKey?: string;
  extension?: Record<string, unknown>;
  localId?: string;
}

/** Thrown by invokeResolver when the resolver failed or was cut off; carries the log record. */
export class InvocationFailedError extends Error {
  constructor(readonly record: InvocationRecord, override readonly cause?: unknown) {
    super(record.status === 'timeout'
      ? `Resolver ${record.key} was cut off: ${record.error}`
      : `Resolver ${record.key} failed: ${record.error}`);
    this.name = 'InvocationFailedError';
  }
}

const SECOND = 1000;

/**
 * A product event's retryAfter above 900 s is lowered to 900 s; at most 4 retries
 * (https://developer.atlassian.com/platform/forge/events-reference/product_events/, "Retry product events").
 */
export const PRODUCT_EVENT_MAX_RETRY_AFTER_SEC = 900;

/** One redelivery of a product event the handler asked for (InvocationError). */
export interface ProductEventRetry {
  trigger: string;
  eventType: string;
  retryCount: number;
  /** Seconds of platform time before the redelivery, after Forge's bounds. */
  afterSec: number;
}

/**
 * The Forge function runtime: invokes the handlers manifest.yml names the way Forge calls
 * them, routes their platform requests, and keeps the invocation log.
 */
export class LocalRuntime implements PlatformHooks {
  readonly info: RuntimeInfo;
  readonly queue = new EventQueue();
  readonly personalData = new PersonalDataReporting();
  /** Redeliveries of product events, in order (the platform's own record of its retries). */
  readonly productEventRetries: ProductEventRetry[] = [];
  /** Wall or virtual time, and the modelled request costs (see time-model.ts). */
  readonly time: TimeModel;
  /**
   * A sleep for the sync's sleep seam (`setSyncSleep(p.runtime.virtualSleep)`): charges the
   * calling invocation in virtual time and resolves on the next tick; waits for real in wall time.
   */
  readonly virtualSleep = virtualSleep;
  private readonly invoker: Invoker;
  private readonly router: SiteRouter;
  private readonly delivery: ConsumerDelivery;
  private readonly background = new Set<Promise<void>>();

  constructor(private readonly o: LocalRuntimeOptions) {
    this.info = {
      ...DEFAULT_RUNTIME_INFO,
      appId: o.manifest.appId,
      cloudId: o.cloudId ?? DEFAULT_RUNTIME_INFO.cloudId,
      appCodeDir: o.appDir,
      permissions: o.manifest.rawPermissions,
      defaultRemainingMs: o.limits?.resolverMs ?? 25 * SECOND,
      confluenceConnected: o.confluenceConnected ?? true,
    };
    this.time = new TimeModel(o.time);
    this.invoker = new Invoker(o.manifest, o.appDir, this.time, o.functionsDir);
    this.router = new SiteRouter({
      originalFetch: o.originalFetch,
      emulatorBaseUrl: o.emulatorBaseUrl,
      siteNames: o.siteNames,
      realSite: o.realSite,
      egress: new EgressPolicy(o.manifest.backendEgress),
      allowRealNetwork: !!o.realSite && !o.realSite.via,
    });
    this.delivery = new ConsumerDelivery(o.manifest, this.invoker, this.queue, (fk) => this.limitFor('consumer', fk), () => this.backendContext());
  }

  /** The host site's URL (the real site in real-site mode). */
  get hostSiteUrl(): string | undefined {
    return this.router.hostSiteUrl;
  }

  get realSiteMode(): boolean {
    return !!this.o.realSite;
  }

  // ---- PlatformHooks -------------------------------------------------------------------

  async forgeFetch(target: ForgeTarget, path: string, init: RequestInit | undefined, guard: () => void): Promise<Response> {
    const ctx = currentInvocation();
    if (target.type === 'kvs') {
      // Charged before the emulator applies the request: one that takes the invocation past
      // its limit is dropped by `guard`, as a write still on its way at the deadline.
      this.time.chargeKvs(ctx, this.o.kvs.latencyMs, `KVS ${path}`);
      return this.o.kvs.handle(path, init as { body?: unknown }, guard);
    }
    guard();
    const what = `${target.remote ?? target.type} ${path.split('?')[0]}`;
    if (target.type === 'fpp' && target.remote === 'stargate') {
      this.time.chargeRest(ctx, 0, what);
      guard();
      return handleStargate(path, init, this.queue, this.personalData);
    }
    if (target.type === 'fpp' && (target.remote === 'jira' || target.remote === 'confluence' || (!target.remote && target.contextAri))) {
      if (target.remote === 'confluence' && !this.info.confluenceConnected) {
        this.time.chargeRest(ctx, 0, what);
        guard();
        return confluenceNotConnectedResponse();
      }
      return this.timedSiteRequest(ctx, what, () => this.router.product(target, path, init, ctx?.accountId));
    }
    this.time.chargeRest(ctx, 0, what);
    guard();
    return new Response(JSON.stringify({ message: `The local Forge platform does not emulate ${JSON.stringify(target)} ${path}.` }), {
      status: 404,
      headers: { 'content-type': 'application/json' },
    });
  }

  appFetch(url: URL, init: RequestInit | undefined): Promise<Response> {
    return this.timedSiteRequest(currentInvocation(), `fetch ${url.origin}${url.pathname}`, () => this.router.external(url, init));
  }

  /** A Custom UI bridge `requestJira/requestConfluence` of the signed-in user (for the local host). */
  async bridgeFetchProduct(product: 'jira' | 'confluence', path: string, init: RequestInit | undefined, accountId: string): Promise<Response> {
    if (product === 'confluence' && !this.info.confluenceConnected) return confluenceNotConnectedResponse();
    const res = await this.router.product({ type: 'fpp', provider: 'user', remote: product, accountId }, path, init, accountId);
    return takeEmulatedLatency(res).response;
  }

  /**
   * Sends a request to a site and charges its cost once it is answered (or failed): the base
   * cost plus the latency the emulator planned. One that took the invocation past its limit
   * never reaches the app, which Forge froze while it was on its way.
   */
  private async timedSiteRequest(ctx: InvocationContext | undefined, what: string, send: () => Promise<Response>): Promise<Response> {
    let res: Response;
    try {
      res = await send();
    } catch (e) {
      this.time.chargeRest(ctx, 0, what);
      if (ctx?.state === 'cut-off') throw new InvocationCutOffError(ctx, what);
      throw e;
    }
    const { response, latencyMs } = takeEmulatedLatency(res);
    this.time.chargeRest(ctx, latencyMs, what);
    if (ctx?.state === 'cut-off') {
      void response.body?.cancel().catch(() => undefined);
      throw new InvocationCutOffError(ctx, what);
    }
    return response;
  }

  // ---- Invocations ---------------------------------------------------------------------

  /** A Custom UI / UI Kit `invoke(resolverKey, payload)` on the resolver function `functionKey`. */
  async invokeResolver(functionKey: string, resolverKey: string, payload: unknown, opts: InvokeOptions): Promise<unknown> {
    const mod = opts.moduleKey
      ? this.o.manifest.uiModules.find((m) => m.key === opts.moduleKey)
      : this.o.manifest.uiModules.find((m) => m.resolverFunction === functionKey);
    if (opts.moduleKey && !mod) throw new Error(`manifest.yml has no module "${opts.moduleKey}".`);
    const handler = this.invoker.handlerFor(functionKey);
    const context = {
      accountId: opts.accountId,
      cloudId: this.info.cloudId,
      siteUrl: this.router.hostSiteUrl,
      moduleKey: mod?.key,
      localId: opts.localId ?? `${mod?.key ?? functionKey}-local`,
      extension: opts.extension ?? { type: mod?.type },
      environmentId: this.info.environmentId,
      environmentType: this.info.environmentType,
      locale: 'en-US',
      timezone: 'UTC',
    };
    const backend = { ...this.backendContext(), principal: { accountId: opts.accountId } };
    const out = await this.invoker.run(
      { kind: 'resolver', key: `${functionKey}:${resolverKey}`, functionKey, moduleKey: mod?.key, moduleType: mod?.type, accountId: opts.accountId, limitMs: this.limitFor('resolver', functionKey) },
      // The payload crosses the bridge as JSON in Forge, so Dates become strings here too.
      () => handler({ call: { functionKey: resolverKey, payload: payload === undefined ? undefined : JSON.parse(JSON.stringify(payload)) }, context }, backend),
    );
    if (out.record.status !== 'ok') throw new InvocationFailedError(out.record, out.error);
    return out.result;
  }

  /** Runs a scheduledTrigger module the way Forge's scheduler does (no user). */
  async runScheduledTrigger(triggerKey: string): Promise<InvocationOutcome> {
    const t = this.o.manifest.scheduledTriggers.find((s) => s.key === triggerKey);
    if (!t) throw new Error(`manifest.yml has no scheduledTrigger "${triggerKey}".`);
    const handler = this.invoker.handlerFor(t.function);
    return this.invoker.run(
      { kind: 'scheduled-trigger', key: triggerKey, functionKey: t.function, moduleKey: triggerKey, moduleType: 'scheduledTrigger', limitMs: this.limitFor('trigger', t.function) },
      () => handler({ context: { cloudId: this.info.cloudId, moduleKey: triggerKey }, contextToken: 'local-context-token' }, this.backendContext()),
    );
  }

  /**
   * Delivers a product event to every trigger subscribed to its eventType. A handler that
   * returns InvocationError is redelivered (with retryContext) up to 4 times, each after its
   * retryAfter (1..900 s) of platform time: the queue's clock moves on by it.
   */
  async runProductEvent(event: { eventType: string } & Record<string, unknown>): Promise<InvocationOutcome[]> {
    if (isConfluenceEvent(event.eventType) && !this.info.confluenceConnected) return [];
    const triggers = this.o.manifest.triggers.filter((t) => t.events.includes(event.eventType));
    const outcomes: InvocationOutcome[] = [];
    for (const t of triggers) {
      const handler = this.invoker.handlerFor(t.function);
      let delivered: Record<string, unknown> = event;
      for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
        const payload = delivered;
        const out = await this.invoker.run(
          { kind: 'product-event', key: `${t.key}:${event.eventType}`, functionKey: t.function, moduleKey: t.key, moduleType: 'trigger', accountId: undefined, limitMs: this.limitFor('productEvent', t.function) },
          () => handler(payload, this.backendContext()),
        );
        outcomes.push(out);
        if (!isRetryRequest(out.result)) break;
        const opts = (out.result as { retryOptions?: { retryAfter?: number; retryReason?: string; retryData?: unknown } }).retryOptions;
        if (attempt === MAX_RETRIES) break;
        const afterSec = Math.min(PRODUCT_EVENT_MAX_RETRY_AFTER_SEC, Math.max(1, opts?.retryAfter ?? 1));
        this.productEventRetries.push({ trigger: t.key, eventType: event.eventType, retryCount: attempt + 1, afterSec });
        this.queue.advance(afterSec * SECOND);
        delivered = { ...event, retryContext: { retryCount: attempt + 1, retryReason: opts?.retryReason ?? 'FUNCTION_RETRY_REQUEST', retryData: opts?.retryData } };
      }
    }
    return outcomes;
  }

  /** Delivers queued async events to their consumers, in due order (see ConsumerDelivery). */
  drainQueue(opts: { maxEvents?: number; onlyDue?: boolean } = {}): Promise<DrainResult> {
    return this.delivery.drain(opts);
  }

  /** Runs `fn` as an ad-hoc invocation (as `accountId`), e.g. to call app code from a test. */
  async runInContext<T>(opts: { accountId?: string; key?: string; limitMs?: number }, fn: () => Promise<T> | T): Promise<InvocationOutcome<T>> {
    return this.invoker.run({ kind: 'adhoc', key: opts.key ?? 'adhoc', functionKey: 'adhoc', accountId: opts.accountId, limitMs: opts.limitMs ?? this.limitFor('resolver', '') }, fn);
  }

  /** Fault hook: the next invocation (optionally: whose key contains `match`) is cut off after `n` fetches. */
  cutOffAfterFetches(n: number, match?: string): void {
    this.invoker.armCutOff(n, match);
  }

  /** Where each handler module was loaded from (`index` → src/index.ts, or the bundle's index.cjs). */
  get handlerFiles(): ReadonlyMap<string, string> {
    return this.invoker.moduleFiles;
  }

  get invocations(): readonly InvocationRecord[] {
    return this.invoker.log;
  }

  resetLog(): void {
    this.invoker.log.length = 0;
  }

  /** Delivers a product event without waiting for it (host-site mutations); see idle(). */
  deliverInBackground(event: { eventType: string } & Record<string, unknown>): void {
    const p = this.runProductEvent(event).then(
      () => undefined,
      (e: unknown) => console.error(`Delivering ${event.eventType} failed:`, e),
    );
    this.background.add(p);
    void p.finally(() => this.background.delete(p));
  }

  /** Resolves when no invocation or background delivery is running. */
  async idle(): Promise<void> {
    do {
      await Promise.allSettled([...this.background]);
      await this.invoker.idle();
    } while (this.background.size > 0);
  }

  private backendContext(): Record<string, unknown> {
    return {
      installContext: `ari:cloud:jira::site/${this.info.cloudId}`,
      workspaceId: this.info.cloudId,
      license: this.info.license,
    };
  }

  /**
   * A site admin connects (true) or disconnects (false) Confluence in Connected apps: from the
   * next request on, `getAppContext().installation.contexts` lists it or not, host Confluence
   * calls are answered or refused, and Confluence's product events are delivered or not.
   */
  setConfluenceConnected(connected: boolean): void {
    this.info.confluenceConnected = connected;
  }

  /** Lowers (or restores, with undefined fields) invocation limits from now on: a test's short budget. */
  setLimits(limits: RuntimeLimits): void {
    this.o.limits = { ...this.o.limits, ...limits };
  }

  /** Forge limits: resolver/product event 25 s; trigger/consumer = timeoutSeconds or 55 s. */
  private limitFor(kind: 'resolver' | 'productEvent' | 'trigger' | 'consumer', functionKey: string): number {
    const l = this.o.limits ?? {};
    const fnTimeout = this.o.manifest.functions.get(functionKey)?.timeoutSeconds;
    switch (kind) {
      case 'resolver': return l.resolverMs ?? 25 * SECOND;
      case 'productEvent': return l.productEventMs ?? l.resolverMs ?? 25 * SECOND;
      case 'trigger': return l.triggerMs ?? (fnTimeout ?? 55) * SECOND;
      case 'consumer': return l.consumerMs ?? (fnTimeout ?? 55) * SECOND;
    }
  }
}
