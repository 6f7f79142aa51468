/**
 * KVS error codes and HTTP statuses, as the emulator answers them.
 *
 * Sources (developer.atlassian.com):
 * - storage-reference/handling-errors-kvs: KEY_TOO_SHORT, KEY_TOO_LONG (>500), INVALID_KEY
 *   (/^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/), MAX_SIZE, MAX_DEPTH; 400 for bad requests; 429
 *   RATE_LIMIT_EXCEEDED for quota breaches.
 * - storage-reference/handling-errors-customentities: EMPTY_KEY, MAX_DEPTH (32),
 *   ENTITY_TYPE_TOO_SHORT (<3), ENTITY_TYPE_TOO_LARGE (>60).
 * - The docs call a missing key NOT_FOUND, but @forge/kvs only swallows `KEY_NOT_FOUND`
 *   (and its tests use 404), so the emulator answers what the SDK understands.
 * - KEY_CONFLICT / 409 for keyPolicy FAIL_IF_EXISTS is what a published write-up observed
 *   against the live service; the official pages do not list it.
 * Codes marked "inferred" below are not documented; they are named so that a test or a log
 * line says exactly what went wrong, and the statuses follow the documented 400 convention.
 */
export const KvsCodes = {
  KEY_NOT_FOUND: 404,
  KEY_TOO_SHORT: 400,
  EMPTY_KEY: 400,
  KEY_TOO_LONG: 400,
  INVALID_KEY: 400,
  MAX_SIZE: 400,
  MAX_DEPTH: 400,
  ENTITY_TYPE_TOO_SHORT: 400,
  ENTITY_TYPE_TOO_LARGE: 400,
  RATE_LIMIT_EXCEEDED: 429,
  KEY_CONFLICT: 409,
  // inferred:
  INVALID_REQUEST: 400,
  INVALID_VALUE: 400,
  INVALID_ENTITY: 400,
  INVALID_INDEX: 400,
  INVALID_ATTRIBUTE: 400,
  INVALID_ATTRIBUTE_VALUE: 400,
  INVALID_PARTITION: 400,
  INVALID_CONDITION: 400,
  INVALID_LIMIT: 400,
  INVALID_CURSOR: 400,
  EMPTY_BATCH: 400,
  BATCH_TOO_LARGE: 400,
  DUPLICATE_KEYS: 400,
  TRANSACTION_TOO_LARGE: 400,
  CONDITIONAL_CHECK_FAILED: 409,
  INTERNAL_ERROR: 500,
} as const;

export type KvsCode = keyof typeof KvsCodes;

/** A failed KVS operation; serialised as `{code, message, context?}` with the code's status. */
export class KvsError extends Error {
  readonly status: number;
  constructor(
    readonly code: KvsCode,
    message: string,
    readonly context?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'KvsError';
    this.status = KvsCodes[code];
  }

  toBody(): { code: string; message: string; context?: Record<string, unknown> } {
    return { code: this.code, message: this.message, ...(this.context ? { context: this.context } : {}) };
  }
}
