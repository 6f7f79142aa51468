import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type ConsoleLine, type InvocationContext, type InvocationKind, invocations } from './context';
import type { AppManifest } from './manifest';
import type { TimeModel } from './time-model';

export type InvocationStatus = 'ok' | 'error' | 'timeout';

export interface InvocationRecord {
  id: string;
  kind: InvocationKind;
  key: string;
  functionKey: string;
  accountId?: string;
  status: InvocationStatus;
  /** Time used: wall ms, or in virtual time the modelled ms (at most the limit). */
  ms: number;
  fetches: number;
  startedAt: string;
  /** Why it failed or was cut off. */
  error?: string;
  console: ConsoleLine[];
}

export interface InvocationOutcome<T = unknown> {
  record: InvocationRecord;
  result?: T;
  error?: unknown;
}

export interface InvocationSpec {
  kind: InvocationKind;
  key: string;
  functionKey: string;
  moduleKey?: string;
  moduleType?: string;
  accountId?: string;
  limitMs: number;
}

type Handler = (...args: unknown[]) => unknown;
const MAX_LOG = 10_000;

/**
 * Runs one function invocation inside its own AsyncLocalStorage context with a time limit.
 * A handler still running at its limit (a wall-clock deadline, or in virtual time a charged
 * cost that takes it past the limit), or when the fetch cut-off fires, is cut off: the
 * invocation is recorded as `timeout` and every later request from its async context rejects,
 * as in a frozen Forge process. The handler's own promise is left to settle unobserved.
 */
export class Invoker {
  readonly log: InvocationRecord[] = [];
  private inFlight = new Set<Promise<unknown>>();
  private armedCutOff: { fetches: number; match?: string } | undefined;
  private modules = new Map<string, Record<string, unknown>>();
  /** The file each handler module was loaded from, by module name (`index` → …/src/index or …/index.cjs). */
  readonly moduleFiles = new Map<string, string>();

  /** `functionsDir`: where the handler modules are (default `<appDir>/src`; a bundle's folder holds `index.cjs`). */
  constructor(private readonly manifest: AppManifest, private readonly appDir: string, private readonly time: TimeModel, private readonly functionsDir = join(appDir, 'src')) {}

  /** The function named by manifest.yml (`handler: index.xyz` → export xyz of src/index, or of <functionsDir>/index.cjs). */
  handlerFor(functionKey: string): Handler {
    const fn = this.manifest.functions.get(functionKey);
    if (!fn) throw new Error(`manifest.yml has no function module "${functionKey}" (has: ${[...this.manifest.functions.keys()].join(', ')}).`);
    const [file, exportName] = fn.handler.split('.');
    let mod = this.modules.get(file);
    if (!mod) {
      const base = join(this.functionsDir, file);
      const path = existsSync(`${base}.cjs`) ? `${base}.cjs` : base;
      mod = require(path) as Record<string, unknown>;
      this.moduleFiles.set(file, require.resolve(path));
      this.modules.set(file, mod);
    }
    const h = mod[exportName];
    if (typeof h !== 'function') throw new Error(`${file} (in ${this.functionsDir}) does not export a function "${exportName}" (handler of "${functionKey}").`);
    return h as Handler;
  }

  /** The next invocation (whose key contains `match`, if given) is cut off after `n` fetches. */
  armCutOff(fetches: number, match?: string): void {
    this.armedCutOff = { fetches, match };
  }

  async run<T>(spec: InvocationSpec, call: () => Promise<T> | T): Promise<InvocationOutcome<T>> {
    const p = this.runInner(spec, call);
    this.inFlight.add(p);
    try {
      return await p;
    } finally {
      this.inFlight.delete(p);
    }
  }

  /** Resolves when no invocation is running. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async runInner<T>(spec: InvocationSpec, call: () => Promise<T> | T): Promise<InvocationOutcome<T>> {
    const started = Date.now();
    let fetchLimit: number | undefined;
    if (this.armedCutOff && (!this.armedCutOff.match || spec.key.includes(this.armedCutOff.match))) {
      fetchLimit = this.armedCutOff.fetches;
      this.armedCutOff = undefined;
    }
    let signalCut: () => void = () => undefined;
    const cut = new Promise<{ k: 'cut' }>((resolve) => { signalCut = () => resolve({ k: 'cut' }); });
    const ctx: InvocationContext = {
      id: randomUUID(),
      kind: spec.kind,
      key: spec.key,
      functionKey: spec.functionKey,
      moduleKey: spec.moduleKey,
      moduleType: spec.moduleType,
      accountId: spec.accountId,
      startedAt: started,
      clock: this.time.clockFor(spec.limitMs),
      fetches: 0,
      fetchLimit,
      state: 'running',
      console: [],
      traceId: randomUUID().replace(/-/g, ''),
      cutOff: (reason) => {
        if (ctx.state !== 'running') return;
        ctx.state = 'cut-off';
        ctx.cutOffReason = reason;
        signalCut();
      },
    };
    ctx.clock.start((reason) => ctx.cutOff(reason));
    const work = invocations.run(ctx, async () => call());
    work.catch(() => undefined);
    if (fetchLimit === 0) ctx.cutOff('cut off after 0 fetches');
    const outcome = await Promise.race([
      work.then((v) => ({ k: 'ok' as const, v }), (e: unknown) => ({ k: 'err' as const, e })),
      cut,
    ]);
    ctx.clock.stop();
    const timedOut = ctx.state === 'cut-off';
    if (!timedOut) ctx.state = 'finished';
    const record: InvocationRecord = {
      id: ctx.id,
      kind: spec.kind,
      key: spec.key,
      functionKey: spec.functionKey,
      accountId: spec.accountId,
      status: timedOut ? 'timeout' : outcome.k === 'ok' ? 'ok' : 'error',
      ms: ctx.clock.elapsedMs(),
      fetches: ctx.fetches,
      startedAt: new Date(started).toISOString(),
      ...(timedOut ? { error: ctx.cutOffReason } : outcome.k === 'err' ? { error: errorText((outcome as { e: unknown }).e) } : {}),
      console: ctx.console,
    };
    this.log.push(record);
    // A long `npm start` session must not grow without bound; tests never get near this.
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
    if (timedOut || outcome.k === 'cut') return { record };
    return outcome.k === 'ok' ? { record, result: outcome.v } : { record, error: outcome.e };
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
