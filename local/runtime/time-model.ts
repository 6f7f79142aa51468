import { currentInvocation, type InvocationContext } from './context';
import { type InvocationClock, VirtualClock, WallClock } from './invocation-clock';

/**
 * `startLocalPlatform({ time })`. Wall time by default (`npm start`, benchmarks). Virtual time
 * (tests) charges each invocation modelled costs instead of measuring it; see
 * docs/architecture.md, "Virtual time", for the cost model.
 */
export type TimeOptions =
  | { mode: 'wall' }
  | {
      mode: 'virtual';
      /** Cost of one product / platform request (Jira, Confluence, queue, ...), before its latency. */
      restMs?: number;
      /** Cost of one KVS request, before the KVS emulator's configured latency. */
      kvsMs?: number;
    };

/**
 * Defaults chosen so that a sync page step (a few site requests and a few dozen KVS requests)
 * costs a few hundred ms: the reliability tests' 3 s invocations fit a handful of steps and
 * then continue, as a 300 s Forge invocation does on a large site.
 */
export const DEFAULT_VIRTUAL_COSTS = { restMs: 40, kvsMs: 2 } as const;

export class TimeModel {
  readonly virtual: boolean;
  readonly restMs: number;
  readonly kvsMs: number;

  constructor(opts: TimeOptions = { mode: 'wall' }) {
    this.virtual = opts.mode === 'virtual';
    this.restMs = opts.mode === 'virtual' ? opts.restMs ?? DEFAULT_VIRTUAL_COSTS.restMs : 0;
    this.kvsMs = opts.mode === 'virtual' ? opts.kvsMs ?? DEFAULT_VIRTUAL_COSTS.kvsMs : 0;
    for (const [name, v] of [['restMs', this.restMs], ['kvsMs', this.kvsMs]] as const) {
      if (!Number.isFinite(v) || v < 0) throw new Error(`time.${name} must be a non-negative number of milliseconds (got ${v}).`);
    }
  }

  clockFor(limitMs: number): InvocationClock {
    return this.virtual ? new VirtualClock(limitMs) : new WallClock(limitMs);
  }

  /** A KVS request of `ctx`: its base cost plus the emulator's configured latency. */
  chargeKvs(ctx: InvocationContext | undefined, latencyMs: number, what: string): void {
    ctx?.clock.charge(this.kvsMs + latencyMs, what);
  }

  /** A product or platform request of `ctx`: its base cost plus the latency the site planned. */
  chargeRest(ctx: InvocationContext | undefined, latencyMs: number, what: string): void {
    ctx?.clock.charge(this.restMs + latencyMs, what);
  }
}

/**
 * A wait of `ms` in the calling invocation, as its clock sees it: in virtual time it charges
 * `ms` and resolves on the next turn of the event loop; in wall time it really waits. Outside
 * any invocation (test code) it only yields. Tests install it as the sync's sleep
 * (`setSyncSleep(virtualSleep)`), so Retry-After and backoff waits cost invocation time but no
 * real time.
 */
export function virtualSleep(ms: number): Promise<void> {
  const ctx = currentInvocation();
  if (!ctx || ctx.state !== 'running') return new Promise((resolve) => setImmediate(resolve));
  return ctx.clock.sleep(ms);
}
