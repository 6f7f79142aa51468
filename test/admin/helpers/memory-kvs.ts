import type { KvsPage, KvsPort } from '../../../src/store/kvs-port';

/**
 * Plain keys and secrets in memory, for use-case tests that do not need entities. Secrets are
 * kept apart so a test can assert a token never reached a plain value.
 */
export function createMemoryKvs(): KvsPort & { values: Map<string, unknown>; secrets: Map<string, string> } {
  const values = new Map<string, unknown>();
  const secrets = new Map<string, string>();
  const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
  const unsupported = () => Promise.reject(new Error('entities are not used by the admin use cases'));
  return {
    values,
    secrets,
    get: async <T>(k: string) => clone(values.get(k)) as T | undefined,
    set: async (k, v) => void values.set(k, clone(v)),
    swap: async <T>(k: string, v: unknown) => {
      const prev = values.get(k);
      values.set(k, clone(v));
      return prev as T | undefined;
    },
    delete: async (k) => void values.delete(k),
    queryPrefix: async <T>(prefix: string): Promise<KvsPage<T>> => ({
      results: [...values.entries()].filter(([k]) => k.startsWith(prefix)).map(([key, value]) => ({ key, value: clone(value) as T })),
    }),
    getSecret: async (k) => secrets.get(k),
    setSecret: async (k, v) => void secrets.set(k, v),
    deleteSecret: async (k) => void secrets.delete(k),
    entityGet: unsupported,
    entitySet: unsupported,
    entityDelete: unsupported,
    entityQuery: unsupported,
    batchGet: unsupported,
    batchSet: unsupported,
    batchDelete: unsupported,
    transact: unsupported,
  };
}
