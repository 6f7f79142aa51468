import { AppError } from '../shared/app-error';

/**
 * The slice of Forge KVS the repositories use. The platform adapter implements it over
 * @forge/kvs; keeping it small lets every repository be read without knowing the SDK.
 */
export interface KvsSetOptions {
  ttlSeconds?: number;
  /** Fails with KvsConflictError when the key already exists. */
  failIfExists?: boolean;
}

export interface KvsEntry<T> {
  key: string;
  value: T;
}

export interface KvsPage<T> {
  results: KvsEntry<T>[];
  nextCursor?: string;
}

export type KvsRangeCondition =
  | { op: 'between'; from: string | number; to: string | number }
  | { op: 'gte' | 'gt' | 'lte' | 'lt' | 'eq' | 'beginsWith'; value: string | number };

export interface KvsEntityQuery {
  index: string;
  partition?: (string | number)[];
  range?: KvsRangeCondition;
  sort?: 'ASC' | 'DESC';
  limit?: number;
  cursor?: string;
}

/** A condition on an entity attribute, for transactions (compare-and-set). */
export interface KvsAttributeCondition {
  attribute: string;
  op: 'eq' | 'notExists';
  value?: string | number | boolean;
}

export interface KvsItemRef {
  key: string;
  entity?: string;
}

export interface KvsTransaction {
  set?: { key: string; entity?: string; value: unknown; conditions?: KvsAttributeCondition[] }[];
  delete?: { key: string; entity?: string; conditions?: KvsAttributeCondition[] }[];
}

export interface KvsPort {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, options?: KvsSetOptions): Promise<void>;
  /** Atomically replaces the value and returns the previous one (undefined when absent). */
  swap<T>(key: string, value: unknown, options?: { ttlSeconds?: number }): Promise<T | undefined>;
  delete(key: string): Promise<void>;
  /** One page of plain keys that begin with `prefix`. */
  queryPrefix<T>(prefix: string, cursor?: string, limit?: number): Promise<KvsPage<T>>;

  getSecret(key: string): Promise<string | undefined>;
  setSecret(key: string, value: string): Promise<void>;
  deleteSecret(key: string): Promise<void>;

  entityGet<T>(entity: string, key: string): Promise<T | undefined>;
  entitySet(entity: string, key: string, value: unknown): Promise<void>;
  entityDelete(entity: string, key: string): Promise<void>;
  entityQuery<T>(entity: string, query: KvsEntityQuery): Promise<KvsPage<T>>;

  /** ≤25 items per call (a KVS limit); missing keys are simply absent from the result. */
  batchGet<T>(items: KvsItemRef[]): Promise<(KvsEntry<T> & { entity?: string })[]>;
  batchSet(items: (KvsItemRef & { value: unknown })[]): Promise<{ failed: KvsItemRef[] }>;
  batchDelete(items: KvsItemRef[]): Promise<{ failed: KvsItemRef[] }>;

  /** Atomic; fails with KvsConflictError when a condition does not hold. */
  transact(tx: KvsTransaction): Promise<void>;
}

/** A write lost a race: the key existed, or a transaction condition did not hold. */
export class KvsConflictError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('kvs-conflict', message, options);
  }
}

export const KVS_BATCH_LIMIT = 25;
