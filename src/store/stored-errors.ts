import { AppError, type ErrorKind } from '../shared/app-error';

/**
 * A stored document that matches none of the formats the app ever wrote for it. It is never
 * guessed at (docs/architecture.md, "Malformed stored data"). Messages name the document and
 * the field paths, never values: stored values hold names, emails and titles.
 */
export class StoredDataError extends AppError {
  constructor(kind: Extract<ErrorKind, `stored-${string}`>, message: string) {
    super(kind, message);
  }
}

/** Settings, the teammates document or a data source. */
export class StoredConfigError extends StoredDataError {
  constructor(what: string, fields: string) {
    super('stored-config-malformed', `stored ${what} is malformed at: ${fields}`);
  }
}

/** A rollup week document. */
export class StoredRollupError extends StoredDataError {
  constructor(key: string, detail: string) {
    super('stored-rollup-malformed', `rollup document ${key} is malformed: ${detail}`);
  }
}

/** Any other stored record: sync state, a sync run, an activity row, a purge job. */
export class StoredRecordError extends StoredDataError {
  constructor(what: string, fields: string) {
    super('stored-record-malformed', `stored ${what} is malformed at: ${fields}`);
  }
}

/**
 * How a reader that can go on without a malformed document says so: one warning naming the
 * document and the paths (Forge keeps it in the app's logs). Never the value.
 */
export function reportMalformed(e: StoredDataError, consequence: string): void {
  console.warn(`${e.message}; ${consequence}`);
}
