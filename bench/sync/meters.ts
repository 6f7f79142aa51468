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
