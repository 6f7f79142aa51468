import type { z } from 'zod';
import { reportMalformed, StoredDataError, StoredRecordError } from './stored-errors';

/**
 * Stored formats are versioned because an installed app upgrades in place: what an older
 * version wrote is still in KVS when the new code reads it. Every document carries its format
 * version in `v`; one written before versions were recorded has none and is version 1. A format
 * has one reader per version the app ever wrote, each turning its version into today's in-memory
 * shape, so older documents are migrated on read and rewritten in today's format by the next
 * write. A new version is a new reader plus a new `write` (docs/architecture.md, "Stored formats").
 */
export type ReadResult<T> = { ok: true; value: T } | { ok: false; paths: string };

export interface VersionReader<T> {
  read(raw: unknown): ReadResult<T>;
}

export interface StoredFormat<T> {
  /** Today's version: what `encode` writes. */
  readonly version: number;
  encode(value: T): Record<string, unknown>;
  /** Today's shape of a stored document of any known version; throws when it matches none. */
  decode(raw: unknown, where: string): T;
  /** The version a stored document was written in (no `v`: 1). */
  versionOf(raw: unknown): number;
}

/** The field paths of a zod failure, never the values. */
export function issuePaths(error: z.ZodError): string {
  return error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
}

/** A version read through a zod schema (`v` need not be declared: objects drop unknown keys). */
export function zodReader<S extends z.ZodType, T>(schema: S, upgrade: (doc: z.output<S>) => T): VersionReader<T> {
  return {
    read(raw) {
      const r = schema.safeParse(raw);
      return r.success ? { ok: true, value: upgrade(r.data) } : { ok: false, paths: issuePaths(r.error) };
    },
  };
}

export function versionOf(raw: unknown): number {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || !('v' in raw)) return 1;
  const v = (raw as { v: unknown }).v;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : Number.NaN;
}

export function defineFormat<T>(spec: {
  /** Readers by the version they read; the highest is today's. */
  readers: Record<number, VersionReader<T>>;
  /** Today's stored body (without `v`), validated. */
  write(value: T): Record<string, unknown>;
  /** The error a document matching no reader raises; a StoredRecordError naming `where` by default. */
  malformed?(where: string, paths: string): StoredDataError;
}): StoredFormat<T> {
  const version = Math.max(...Object.keys(spec.readers).map(Number));
  const malformed = spec.malformed ?? ((where: string, paths: string) => new StoredRecordError(where, paths));
  return {
    version,
    // The version goes last: a body that still carries an older `v` (an in-memory shape that
    // kept its field) must not write today's format under an older number.
    encode: (value) => ({ ...spec.write(value), v: version }),
    decode(raw, where) {
      const v = versionOf(raw);
      const reader = spec.readers[v];
      // A version above today's was written by a newer app version (a rolled-back deploy).
      if (!reader) throw malformed(where, Number.isNaN(v) ? 'v' : `v (format ${v}; this version reads up to ${version})`);
      const r = reader.read(raw);
      if (!r.ok) throw malformed(where, r.paths);
      return r.value;
    },
    versionOf,
  };
}

/**
 * For a reader that can go on without the document (it is rebuilt from elsewhere, or only
 * caches something): decodes `raw`, or reports why it cannot and answers undefined.
 */
export function decodeOrReport<T>(format: StoredFormat<T>, raw: unknown, where: string, consequence: string): T | undefined {
  try {
    return format.decode(raw, where);
  } catch (e) {
    if (!(e instanceof StoredDataError)) throw e;
    reportMalformed(e, consequence);
    return undefined;
  }
}
