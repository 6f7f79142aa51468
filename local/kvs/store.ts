/** In-memory KVS data: plain keys, secrets and custom entities, each with Forge's metadata. */

export interface StoredRecord {
  value: unknown;
  /** Epoch seconds, as the KVS API reports createdAt/updatedAt. */
  createdAt: number;
  updatedAt: number;
  /** Epoch milliseconds; absent = no TTL. */
  expireAt?: number;
}

export type Namespace = { kind: 'plain' } | { kind: 'secret' } | { kind: 'entity'; name: string };

export interface StoreSnapshot {
  version: 1;
  plain: Array<[string, StoredRecord]>;
  secrets: Array<[string, StoredRecord]>;
  entities: Record<string, Array<[string, StoredRecord]>>;
}

const TTL_UNIT_MS = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;
export type TtlUnit = keyof typeof TTL_UNIT_MS;

export function ttlToMs(ttl: { value: number; unit: TtlUnit }): number {
  return ttl.value * TTL_UNIT_MS[ttl.unit];
}
export function isTtlUnit(u: unknown): u is TtlUnit {
  return typeof u === 'string' && u in TTL_UNIT_MS;
}

export class KvsStore {
  private plain = new Map<string, StoredRecord>();
  private secrets = new Map<string, StoredRecord>();
  private entities = new Map<string, Map<string, StoredRecord>>();
  /**
   * Bumped on every entity write so query indexes can be cached between writes. Versions come
   * from one counter that never goes back, so no state after clear()/restore() can carry a
   * version an index was cached under before.
   */
  private entityVersions = new Map<string, number>();
  private versionClock = 0;
  private versionFloor = 0;
  /** Overridable clock so TTL tests need not sleep. */
  now: () => number = () => Date.now();
  onChange: () => void = () => undefined;

  private table(ns: Namespace): Map<string, StoredRecord> {
    if (ns.kind === 'plain') return this.plain;
    if (ns.kind === 'secret') return this.secrets;
    let t = this.entities.get(ns.name);
    if (!t) {
      t = new Map();
      this.entities.set(ns.name, t);
    }
    return t;
  }

  read(ns: Namespace, key: string): StoredRecord | undefined {
    const t = this.table(ns);
    const rec = t.get(key);
    if (rec && rec.expireAt !== undefined && rec.expireAt <= this.now()) {
      t.delete(key);
      this.touched(ns);
      return undefined;
    }
    return rec;
  }

  write(ns: Namespace, key: string, value: unknown, ttlMs?: number): { previous?: StoredRecord; latest: StoredRecord } {
    const previous = this.read(ns, key);
    const nowMs = this.now();
    const nowSec = Math.floor(nowMs / 1000);
    // Values are copied so later mutation by the caller cannot change stored state.
    const latest: StoredRecord = {
      value: structuredClone(value),
      createdAt: previous?.createdAt ?? nowSec,
      updatedAt: nowSec,
      ...(ttlMs !== undefined ? { expireAt: nowMs + ttlMs } : {}),
    };
    this.table(ns).set(key, latest);
    this.touched(ns);
    return { previous, latest };
  }

  remove(ns: Namespace, key: string): boolean {
    const existed = this.read(ns, key) !== undefined;
    if (existed) {
      this.table(ns).delete(key);
      this.touched(ns);
    }
    return existed;
  }

  /** Live (unexpired) entries of a namespace, unsorted. */
  entries(ns: Namespace): Array<[string, StoredRecord]> {
    const out: Array<[string, StoredRecord]> = [];
    for (const key of [...this.table(ns).keys()]) {
      const rec = this.read(ns, key);
      if (rec) out.push([key, rec]);
    }
    return out;
  }

  entityVersion(name: string): number {
    return this.entityVersions.get(name) ?? this.versionFloor;
  }

  entityNames(): string[] {
    return [...this.entities.keys()];
  }

  clear(): void {
    this.plain.clear();
    this.secrets.clear();
    this.entities.clear();
    this.entityVersions.clear();
    this.versionFloor = ++this.versionClock;
    this.onChange();
  }

  snapshot(): StoreSnapshot {
    const entities: StoreSnapshot['entities'] = {};
    for (const name of this.entities.keys()) entities[name] = this.entries({ kind: 'entity', name });
    return {
      version: 1,
      plain: this.entries({ kind: 'plain' }),
      secrets: this.entries({ kind: 'secret' }),
      entities,
    };
  }

  restore(s: StoreSnapshot): void {
    this.plain = new Map(s.plain);
    this.secrets = new Map(s.secrets);
    this.entities = new Map(Object.entries(s.entities).map(([n, rows]) => [n, new Map(rows)]));
    this.entityVersions.clear();
    this.versionFloor = ++this.versionClock;
  }

  private touched(ns: Namespace): void {
    if (ns.kind === 'entity') this.entityVersions.set(ns.name, ++this.versionClock);
    this.onChange();
  }
}
