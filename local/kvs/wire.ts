import { KvsError } from './errors';
import { isTtlUnit, type Namespace, type StoredRecord, ttlToMs } from './store';

/** Small request/response helpers of the KVS wire format. */

type Obj = Record<string, unknown>;
const METADATA_FIELDS = new Set(['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME']);

export function listOf(v: unknown, name: string): Obj[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new KvsError('INVALID_REQUEST', `transaction "${name}" must be an array.`);
  return v as Obj[];
}

export function ttl(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const t = raw as Obj;
  if (!t || typeof t.value !== 'number' || !Number.isInteger(t.value) || t.value <= 0 || !isTtlUnit(t.unit)) {
    throw new KvsError('INVALID_REQUEST', `ttl must be {value: positive integer, unit: SECONDS|MINUTES|HOURS|DAYS}, got ${JSON.stringify(raw)}.`);
  }
  return ttlToMs({ value: t.value, unit: t.unit });
}

export function metadataFields(raw: unknown): Set<string> {
  if (raw === undefined) return new Set();
  if (!Array.isArray(raw) || raw.some((f) => !METADATA_FIELDS.has(f as string))) {
    throw new KvsError('INVALID_REQUEST', `metadataFields must be a list of CREATED_AT, UPDATED_AT, EXPIRE_TIME, got ${JSON.stringify(raw)}.`);
  }
  return new Set(raw as string[]);
}

export function meta(rec: StoredRecord, fields: Set<string>): Obj {
  return {
    ...(fields.has('CREATED_AT') ? { createdAt: rec.createdAt } : {}),
    ...(fields.has('UPDATED_AT') ? { updatedAt: rec.updatedAt } : {}),
    ...(fields.has('EXPIRE_TIME') && rec.expireAt !== undefined ? { expireTime: new Date(rec.expireAt).toISOString() } : {}),
  };
}

export function entityTag(ns: Namespace): Obj {
  return ns.kind === 'entity' ? { entityName: ns.name } : {};
}

export function encodeKeyCursor(key: string): string {
  return Buffer.from(`k:${key}`, 'utf8').toString('base64url');
}

export function decodeKeyCursor(raw: unknown): string {
  const s = Buffer.from(String(raw), 'base64url').toString('utf8');
  if (!s.startsWith('k:')) throw new KvsError('INVALID_CURSOR', 'The cursor was not returned by kvs.query().');
  return s.slice(2);
}
