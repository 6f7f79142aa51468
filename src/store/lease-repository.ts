import { KEY } from './keys';
import { KvsConflictError, type KvsPort } from './kvs-port';

interface Lease {
  owner: string;
  expiresAt: number;
}

/**
 * One holder per (data source, stream) at a time: Forge may start a trigger twice, and a queued
 * continuation may overlap a scheduled run. A lease expires on its own, so a crashed
 * invocation blocks the stream for at most `ttlMs`.
 */
export function createLeaseRepository(kvs: KvsPort, now: () => number = Date.now) {
  async function acquire(dataSourceId: string, stream: string, owner: string, ttlMs: number): Promise<boolean> {
    const key = KEY.lease(dataSourceId, stream);
    const lease: Lease = { owner, expiresAt: now() + ttlMs };
    const ttlSeconds = Math.ceil(ttlMs / 1000) + 60;
    try {
      await kvs.set(key, lease, { failIfExists: true, ttlSeconds });
      return true;
    } catch (e) {
      if (!(e instanceof KvsConflictError)) throw e;
    }
    const held = await kvs.get<Lease>(key);
    if (held && held.owner === owner) {
      await kvs.set(key, lease, { ttlSeconds });
      return true;
    }
    if (held && held.expiresAt > now()) return false;
    // Expired (TTL removal can lag): take it over atomically and check whom we replaced.
    const previous = await kvs.swap<Lease>(key, lease, { ttlSeconds });
    if (previous && previous.owner !== owner && previous.expiresAt > now()) {
      await kvs.set(key, previous, { ttlSeconds: Math.ceil((previous.expiresAt - now()) / 1000) + 60 });
      return false;
    }
    return true;
  }

  return {
    acquire,

    /** Extends a lease we hold; false when someone else holds it now (stop working). */
    async renew(dataSourceId: string, stream: string, owner: string, ttlMs: number): Promise<boolean> {
      const held = await kvs.get<Lease>(KEY.lease(dataSourceId, stream));
      if (held && held.owner !== owner && held.expiresAt > now()) return false;
      return acquire(dataSourceId, stream, owner, ttlMs);
    },

    async release(dataSourceId: string, stream: string, owner: string): Promise<void> {
      const key = KEY.lease(dataSourceId, stream);
      const held = await kvs.get<Lease>(key);
      if (held?.owner === owner) await kvs.delete(key);
    },
  };
}

export type LeaseRepository = ReturnType<typeof createLeaseRepository>;
