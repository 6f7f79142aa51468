import { KvsError } from './errors';

/**
 * Forge's documented storage limits (developer.atlassian.com: limits-kvs-ce, storage-reference/*,
 * runtime-reference/storage-api-query). Where the docs are silent the value is marked.
 */
export const KVS_LIMITS = {
  maxKeyLength: 500,
  maxValueBytes: 240 * 1024,
  /** "maximum object depth (32)" on the Custom Entity Store error page. */
  maxDepth: 32,
  /** batchSet/batchGet/batchDelete: "a maximum of 25 keys" (storage-reference/entities-batch). */
  maxBatchKeys: 25,
  /**
   * Operations per transaction. The transactions page (storage-reference/transactions) has a
   * limits table whose operation row we could not read in full; 25 matches the batch cap and the
   * usual DynamoDB-backed transaction limit. Treat as inferred.
   */
  maxTransactionOps: 25,
  /** kvs.query(): "Limit the result size to 10 values, up to a maximum of 20". */
  queryDefaultLimit: 10,
  queryMaxLimit: 20,
  /**
   * entity().query(): default 10 like kvs.query. The maximum is not in the pages we could read;
   * 100 is used (inferred) so that app code paging with larger pages is still exercised.
   */
  entityQueryDefaultLimit: 10,
  entityQueryMaxLimit: 100,
  int32Min: -2147483648,
  int32Max: 2147483647,
  minEntityName: 3,
  maxEntityName: 60,
} as const;

// `\s-#` inside the class is literal: whitespace, '-' and '#' (no `u` flag, so not a range).
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

export function validatePlainKey(key: unknown): string {
  if (typeof key !== 'string' || key.length === 0) {
    throw new KvsError('KEY_TOO_SHORT', 'The key must be a non-empty string.');
  }
  return validateKeyShape(key);
}

export function validateEntityKey(key: unknown): string {
  if (typeof key !== 'string' || key.length === 0) {
    throw new KvsError('EMPTY_KEY', 'Key cannot be empty.');
  }
  return validateKeyShape(key);
}

function validateKeyShape(key: string): string {
  if (key.length > KVS_LIMITS.maxKeyLength) {
    throw new KvsError('KEY_TOO_LONG', `The key has ${key.length} characters; the maximum is ${KVS_LIMITS.maxKeyLength}.`);
  }
  if (!KEY_PATTERN.test(key)) {
    throw new KvsError('INVALID_KEY', `The key "${key.slice(0, 80)}" does not match ${KEY_PATTERN.source}.`);
  }
  return key;
}

export function validateEntityName(name: unknown): string {
  if (typeof name !== 'string' || name.length < KVS_LIMITS.minEntityName) {
    throw new KvsError('ENTITY_TYPE_TOO_SHORT', `Entity name "${String(name)}" needs at least ${KVS_LIMITS.minEntityName} characters.`);
  }
  if (name.length > KVS_LIMITS.maxEntityName) {
    throw new KvsError('ENTITY_TYPE_TOO_LARGE', `Entity name has ${name.length} characters; the maximum is ${KVS_LIMITS.maxEntityName}.`);
  }
  return name;
}

/** Size and depth checks on a stored value (the request body already parsed it as JSON). */
export function validateValue(value: unknown): void {
  if (value === undefined) {
    throw new KvsError('INVALID_VALUE', 'The request has no value (undefined cannot be stored).');
  }
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > KVS_LIMITS.maxValueBytes) {
    throw new KvsError('MAX_SIZE', `The value is ${bytes} bytes; the maximum is ${KVS_LIMITS.maxValueBytes} bytes (240 KiB).`);
  }
  const depth = depthOf(value);
  if (depth > KVS_LIMITS.maxDepth) {
    throw new KvsError('MAX_DEPTH', `The value is nested ${depth} levels deep; the maximum is ${KVS_LIMITS.maxDepth}.`);
  }
}

/** Nesting depth: a scalar is 0, `{}`/`[]` is 1, `{a:{}}` is 2. */
export function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let max = 0;
  for (const child of Object.values(value as Record<string, unknown>)) {
    const d = depthOf(child);
    if (d > max) max = d;
  }
  return 1 + max;
}

export function validateLimit(limit: unknown, fallback: number, max: number): number {
  if (limit === undefined || limit === null) return fallback;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
    throw new KvsError('INVALID_LIMIT', `limit must be a positive integer, got ${JSON.stringify(limit)}.`);
  }
  if (limit > max) {
    throw new KvsError('INVALID_LIMIT', `limit ${limit} is above the maximum of ${max}.`);
  }
  return limit;
}
