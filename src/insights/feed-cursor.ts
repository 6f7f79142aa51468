import { z } from 'zod';

/**
 * The feed's cursor: where the scan of an activity index stopped (the KVS cursor of the page it
 * was reading and how many items of that page were consumed), bound to the query it belongs
 * to so a cursor from another filter set is refused instead of paging the wrong list.
 */
const cursorSchema = z.object({ q: z.string(), c: z.string().optional(), s: z.number().int().min(0).max(1000) });
export type FeedPosition = { kvsCursor?: string; skip: number };

export function encodeCursor(querySig: string, pos: FeedPosition): string {
  const json = JSON.stringify({ q: querySig, ...(pos.kvsCursor ? { c: pos.kvsCursor } : {}), s: pos.skip });
  return Buffer.from(json, 'utf8').toString('base64url');
}

export type CursorDecode = { ok: true; pos: FeedPosition } | { ok: false; message: string };

export function decodeCursor(querySig: string, cursor: string): CursorDecode {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, message: 'the cursor is not one this dashboard issued' };
  }
  const r = cursorSchema.safeParse(value);
  if (!r.success) return { ok: false, message: 'the cursor is not one this dashboard issued' };
  if (r.data.q !== querySig) return { ok: false, message: 'the cursor belongs to other filters; start again from the first page' };
  return { ok: true, pos: { kvsCursor: r.data.c, skip: r.data.s } };
}

/** FNV-1a: a short, stable signature of the query a cursor belongs to (not a security measure). */
export function querySignature(parts: unknown): string {
  const text = JSON.stringify(parts);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}
