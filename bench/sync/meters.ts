import { readFileSync } from 'node:fs';
import type { KvsStore } from '../../local/kvs/store';

/** Records the largest value written to a KVS emulator's store (JSON bytes) and where. */
export function meterLargestValue(store: KvsStore): { read(): { bytes: number; where: string }; reset(): void; stop(): void } {
  const original = store.write;
  let bytes = 0;
  let where = '';
  store.write = function (this: KvsStore, ns, key, value, ttlMs) {
    const n = Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
    if (n > bytes) {
      bytes = n;
      where = `${ns.kind === 'entity' ? ns.name : ns.kind} ${key}`;
    }
    return original.call(this, ns, key, value, ttlMs);
  };
  return {
    read: () => ({ bytes, where }),
    reset() {
      bytes = 0;
      where = '';
    },
    stop: () => void (store.write = original),
  };
}

/** Samples the process's resident memory (every thread's) while `fn` runs: its peak, in MiB. */
export async function withPeakMemory<T>(fn: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMb: peak / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/**
 * CPU time of this process's main thread so far, in ms, from Linux: the scheduler's statistics
 * (`/proc/<pid>/task/<pid>/schedstat`, nanoseconds on a CPU), or where the kernel keeps none, the
 * thread's user and system time (`.../stat`, fields 14 and 15, in 1/100 s). Other threads (an
 * emulator worker, V8's helpers) and time spent waiting or descheduled by a concurrent load are
 * not in it. Undefined where neither can be read.
 */
export function mainThreadCpuMs(): number | undefined {
  const task = `/proc/${process.pid}/task/${process.pid}`;
  const ns = Number(readOr(`${task}/schedstat`)?.split(' ')[0]);
  if (Number.isFinite(ns) && ns > 0) return ns / 1e6;
  // The command name (field 2) may hold spaces; count fields after its closing parenthesis.
  const stat = readOr(`${task}/stat`);
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields?.[11]) + Number(fields?.[12]);
  return Number.isFinite(ticks) ? ticks * 10 : undefined;
}

function readOr(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
