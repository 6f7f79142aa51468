/**
 * The site and KVS emulators in a thread of their own, for the scale measure.
 *
 * On Forge the KVS and the product APIs are other machines: the function's heap holds only what
 * the app itself keeps. In one process the emulators' data (the 50k site and a million stored
 * activities: 7.4 GB resident with them in process) would share the function's heap, and every garbage collection the app
 * triggers would walk it: the app would be charged for the emulators' size. In a worker thread
 * they have their own heap and collector; the function's thread reaches the site emulator over
 * loopback HTTP, as before, and the KVS through messages (see KvsBackend).
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { SeedSource } from '../../local/cli/sync/seed';
import type { SiteCounts } from '../../local/fixtures/counts';
import type { GenerateOptions } from '../../local/fixtures/options';
import type { RemoteEmulators } from '../../local/platform';
import type { EmulatorProbe, EmulatorReading } from './app-sync';
import type { WindowCheck } from './window-check';

export interface ThreadSetup {
  /** The generator's options for the site the thread hosts (referenceSiteOptions for the bench). */
  site: Partial<GenerateOptions>;
  appDir: string;
}

export type ThreadRequest = { id: number } & (
  | { op: 'kvs'; path: string; body: unknown }
  | { op: 'set-now'; atMs: number }
  | { op: 'reset' }
  | { op: 'read' }
  | { op: 'check'; sinceMs: number; untilMs: number }
  | { op: 'close' }
);
type Op = ThreadRequest['op'];
type Args<O extends Op> = Omit<Extract<ThreadRequest, { op: O }>, 'id' | 'op'>;

export interface ThreadReading extends EmulatorReading {
  largest: { bytes: number; where: string };
  /** Requests the OpenAPI documents do not define (answered 400). */
  violations: number;
}
export type ThreadCheck = WindowCheck;
interface Answers {
  kvs: { status: number; body: string | null };
  'set-now': null;
  reset: null;
  read: ThreadReading;
  check: ThreadCheck;
  close: null;
}
export interface ThreadReply {
  id: number;
  value?: Answers[Op];
  error?: string;
}
interface Ready {
  baseUrl: string;
  cloudId: string;
  siteName: string;
  counts: SiteCounts;
  generatedMs: number;
  seed: SeedSource;
}

export interface EmulatorThread {
  remote: RemoteEmulators;
  probe: EmulatorProbe;
  counts: SiteCounts;
  generatedMs: number;
  seed: SeedSource;
  setNow(atMs: number): Promise<void>;
  /** The largest value written and the requests outside the OpenAPI documents since the last reset. */
  read(): Promise<ThreadReading>;
  /** The lower bound of calls and the oracle's activity count for a sync window. */
  check(sinceMs: number, untilMs: number): Promise<ThreadCheck>;
  close(): Promise<void>;
}

/** Starts the emulator thread; resolves once its site is generated and its server listens. */
export function startEmulatorThread(setup: ThreadSetup & { heapMb: number }): Promise<EmulatorThread> {
  const file = join(__dirname, 'emulator-thread.worker.ts');
  // tsx's require hook, so that the worker loads TypeScript as the section does.
  const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, {
    eval: true,
    workerData: { site: setup.site, appDir: setup.appDir } satisfies ThreadSetup,
    resourceLimits: { maxOldGenerationSizeMb: setup.heapMb },
  });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let next = 1;
  let failed: Error | undefined;
  const call = <O extends Op>(op: O, args: Args<O>): Promise<Answers[O]> => {
    if (failed) return Promise.reject(failed);
    const id = next++;
    return new Promise<Answers[O]>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, op, ...args });
    });
  };
  const failAll = (e: Error): void => {
    failed = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };

  return new Promise<EmulatorThread>((resolve, reject) => {
    worker.on('error', (e) => {
      failAll(e);
      reject(e);
    });
    worker.on('exit', (code) => {
      const e = new Error(`the emulator thread exited with ${code}`);
      failAll(e);
      reject(e); // before it was ready: the start fails instead of waiting forever
    });
    worker.on('message', (m: ThreadReply | { ready: Ready } | { failed: string }) => {
      if ('failed' in m) {
        const e = new Error(`the emulator thread failed: ${m.failed}`);
        failAll(e);
        reject(e);
        return;
      }
      if ('ready' in m) {
        const r = m.ready;
        resolve({
          remote: {
            kvs: {
              latencyMs: 0,
              async handle(path, init, beforeApply) {
                beforeApply?.();
                const a = await call('kvs', { path, body: init?.body });
                return new Response(a.body, { status: a.status, headers: a.body === null ? {} : { 'content-type': 'application/json' } });
              },
            },
            site: { baseUrl: r.baseUrl, cloudId: r.cloudId, siteNames: [r.siteName] },
          },
          probe: { where: 'worker', reset: async () => void (await call('reset', {})), read: () => call('read', {}) },
          counts: r.counts,
          generatedMs: r.generatedMs,
          seed: r.seed,
          setNow: async (atMs) => void (await call('set-now', { atMs })),
          read: () => call('read', {}),
          check: (sinceMs, untilMs) => call('check', { sinceMs, untilMs }),
          async close() {
            await call('close', {});
            await worker.terminate();
          },
        });
        return;
      }
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.error !== undefined) p.reject(new Error(`emulator thread: ${m.error}`));
      else p.resolve(m.value);
    });
  });
}
