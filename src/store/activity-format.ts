import { activitySchema, containerKey, utcDay, type Activity } from '../domain/activity';
import { defineFormat, zodReader } from './stored-format';

/**
 * An `activity` entity row: the attributes the indexes need (manifest.yml declares them) beside
 * the full Activity in `doc`, which carries the row's format version. Format 1 is the row as the
 * app first wrote it (its `doc` had no version).
 */
export interface StoredActivity {
  dataSourceId: string;
  source: string;
  kind: string;
  teammateId: string;
  accountId: string;
  /** Epoch seconds: entity integers are 32-bit. */
  atSec: number;
  day: string;
  containerKey: string;
  entityKey: string;
  doc: Record<string, unknown>;
}

/**
 * Format 1: no `restricted` (read as 'unknown': whether the item is restricted was never read).
 * Format 2 (today): `restricted` always written, true / false / 'unknown'.
 */
const docFormat = defineFormat<Activity>({
  readers: {
    1: zodReader(activitySchema.omit({ restricted: true }), (a) => ({ ...a, restricted: 'unknown' as const })),
    2: zodReader(activitySchema.required({ restricted: true }), (a) => a),
  },
  // Not validated on write: the sync builds activities from zod-parsed responses, and a busy
  // first sync writes hundreds of thousands of them.
  write: (a) => ({ ...a, restricted: a.restricted ?? 'unknown' }),
});

export function encodeActivity(a: Activity): StoredActivity {
  return {
    dataSourceId: a.dataSourceId,
    source: a.source,
    kind: a.kind,
    teammateId: a.teammateId,
    accountId: a.actorAccountId,
    atSec: Math.floor(Date.parse(a.at) / 1000),
    day: utcDay(a.at),
    containerKey: containerKey(a.dataSourceId, a.container),
    entityKey: a.entity.key,
    doc: docFormat.encode(a),
  };
}

/** The Activity of a stored row of any known format; throws StoredRecordError naming the key. */
export function decodeActivity(row: unknown, key: string): Activity {
  return docFormat.decode((row as { doc?: unknown } | null | undefined)?.doc, `activity ${key}`);
}

/**
 * When a row's activity happened, from its doc or else its index attribute: a purge must find
 * the week of a row it deletes even when the row is malformed.
 */
export function storedActivityAt(row: unknown): string {
  const r = (row ?? {}) as { doc?: { at?: unknown }; atSec?: unknown };
  return typeof r.doc?.at === 'string' ? r.doc.at : new Date(Number(r.atSec) * 1000).toISOString();
}
