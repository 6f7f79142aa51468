import { AsyncLocalStorage } from 'node:async_hooks';
import type { InvocationClock } from './invocation-clock';

export type InvocationKind = 'resolver' | 'scheduled-trigger' | 'product-event' | 'consumer' | 'adhoc';

export interface ConsoleLine {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  text: string;
}

/** Per-invocation state; the Forge runtime fields that vary per call are read from here. */
export interface InvocationContext {
  id: string;
  kind: InvocationKind;
  /** Trigger/consumer/module key or `<function>:<resolver key>`. */
  key: string;
  functionKey: string;
  moduleKey?: string;
  moduleType?: string;
  accountId?: string;
  /** Wall-clock start (for the log). */
  startedAt: number;
  /** The invocation's time: elapsed, remaining, modelled costs (see invocation-clock.ts). */
  clock: InvocationClock;
  fetches: number;
  /** Cut the invocation off once this many fetches have completed (fault hook). */
  fetchLimit?: number;
  state: 'running' | 'finished' | 'cut-off';
  cutOffReason?: string;
  console: ConsoleLine[];
  traceId: string;
  /** Ends the invocation as a timeout; set by the invoker. */
  cutOff: (reason: string) => void;
}

/**
 * The Forge SDKs are loaded once per process (per jest test file), and so is this module in
 * the normal case. The state lives on a global symbol so that a second copy of this file (a
 * different module registry) still shares the one AsyncLocalStorage.
 */
const KEY = Symbol.for('activitypulse.local-forge.invocations');
type Holder = { als: AsyncLocalStorage<InvocationContext> };
const g = globalThis as unknown as Record<symbol, Holder | undefined>;
const holder: Holder = g[KEY] ?? (g[KEY] = { als: new AsyncLocalStorage<InvocationContext>() });

export const invocations = holder.als;

export function currentInvocation(): InvocationContext | undefined {
  return invocations.getStore();
}

/** Thrown for any request made by an invocation that Forge would already have frozen. */
export class InvocationCutOffError extends Error {
  constructor(ctx: InvocationContext, what: string) {
    const why = ctx.state === 'cut-off'
      ? `was cut off (${ctx.cutOffReason ?? 'timeout'})`
      : 'has already returned';
    super(`Forge invocation "${ctx.key}" ${why}; ${what} was not sent.`);
    this.name = 'InvocationCutOffError';
  }
}

/**
 * Called before every outgoing request of an invocation: a frozen invocation cannot reach
 * anything, just as a Forge function whose process was frozen.
 */
export function beforeRequest(what: string): InvocationContext | undefined {
  const ctx = currentInvocation();
  if (!ctx) return undefined;
  if (ctx.state !== 'running') throw new InvocationCutOffError(ctx, what);
  return ctx;
}

/** Called after a request of an invocation completed: counts it and applies the fetch cut-off. */
export function afterRequest(ctx: InvocationContext | undefined): void {
  if (!ctx) return;
  ctx.fetches += 1;
  if (ctx.fetchLimit !== undefined && ctx.fetches >= ctx.fetchLimit && ctx.state === 'running') {
    ctx.cutOff(`cut off after ${ctx.fetches} fetches`);
  }
}
