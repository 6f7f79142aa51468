import { z } from 'zod';
import { KEY } from './keys';
import { KvsConflictError, type KvsPort } from './kvs-port';
import { decodeOrReport, defineFormat, zodReader } from './stored-format';

interface Lease {
  owner: string;
  expiresAt: number;
}

/** Format 1: `{owner, expiresAt}` as always written. */
const leaseSchema = z.object({ owner: z.string(), expiresAt: z.number() });
const leaseFormat = defineFormat<Lease>({
  readers: { 1: zodReader(leaseSchema, (l) => l) },
  write: (l) => leaseSchema.parse(l),
});

/** A lease that does not decode is reported and counts as expired (nobody can renew it). */
const decodeLease = (raw: unknown, key: string): Lease | undefined =>
  raw === undefined ? undefined : (decodeOrReport(leaseFormat, raw, key, 'counted as expired') ?? { owner: '', expiresAt: 0 });

/**
 * One holder per (data source, stream) at a time: Forge may start a trigger twice, and a queued
 * continuation may overlap a scheduled run. A lease expires on its own, so a crashed
 * invocation blocks the stream for at most `ttlMs`.
 */
export function createLeaseRepository(kvs: KvsPort, now: () => number = Date.now) {
  async function acquire(dataSourceId: string, stream: string, owner: string, ttlMs: number): Promise<boolean> {
    const key = KEY.lease(dataSourceId, stream);
    const lease = leaseFormat.encode({ owner, expiresAt: now() + ttlMs });
    const ttlSeconds = Math.ceil(ttlMs / 1000) + 60;
    try {
      await kvs.set(key, lease, { failIfExists: true, ttlSeconds });
      return true;
    } catch (e) {
      if (!(e instanceof KvsConflictError)) throw e;
    }
    const held = decodeLease(await kvs.get<unknown>(key), key);
    if (held && held.owner === owner) {
      await kvs.set(key, lease, { ttlSeconds });
      return true;
    }
    if (held && held.expiresAt > now()) return false;
    // Expired (TTL removal can lag): take it over atomically and check whom we replaced.
    const previous = decodeLease(await kvs.swap<unknown>(key, lease, { ttlSeconds }), key);
    if (previous && previous.owner !== owner && previous.expiresAt > now()) {
      await kvs.set(key, leaseFormat.encode(previous), { ttlSeconds: Math.ceil((previous.expiresAt - now()) / 1000) + 60 });
      return false;
    }
    return true;
  }

  return {
    acquire,

    /** Extends a lease we hold; false when someone else holds it now (stop working). */
    async renew(dataSourceId: string, stream: string, owner: string, ttlMs: number): Promise<boolean> {
      const key = KEY.lease(dataSourceId, stream);
      const held = decodeLease(await kvs.get<unknown>(key), key);
      if (held && held.owner !== owner && held.expiresAt > now()) return false;
      return acquire(dataSourceId, stream, owner, ttlMs);
    },

    async release(dataSourceId: string, stream: string, owner: string): Promise<void> {
      const key = KEY.lease(dataSourceId, stream);
      const held = decodeLease(await kvs.get<unknown>(key), key);
      if (held?.owner === owner) await kvs.delete(key);
    },
  };
}

export type LeaseRepository = ReturnType<typeof createLeaseRepository>;
