import { badRequest } from './http-types';

/**
 * Opaque continuation tokens. They carry an offset and a fingerprint of the query they belong
 * to, so a token replayed against a different query is rejected the way Atlassian rejects it.
 */
interface TokenBody {
  o: number;
  f: string;
}

export function fingerprint(parts: unknown): string {
  const text = JSON.stringify(parts);
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0).toString(36);
}

export function encodeToken(offset: number, fp: string): string {
  const body: TokenBody = { o: offset, f: fp };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

export function decodeToken(token: string | null | undefined, fp: string, what = 'nextPageToken'): number {
  if (token === null || token === undefined || token === '') return 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw badRequest(`The ${what} is invalid.`);
  }
  const t = parsed as Partial<TokenBody>;
  if (typeof t !== 'object' || t === null || typeof t.o !== 'number' || t.o < 0 || t.f !== fp) {
    throw badRequest(`The ${what} is invalid or does not belong to this query.`);
  }
  return t.o;
}

/** Reads an integer query parameter with Atlassian-style validation. */
export function intParam(q: URLSearchParams, name: string, dflt: number, min: number, max?: number): number {
  const raw = q.get(name);
  if (raw === null || raw === '') return dflt;
  if (!/^-?\d+$/.test(raw)) throw badRequest(`The '${name}' parameter must be an integer.`, { [name]: 'not an integer' });
  const n = Number(raw);
  if (n < min) throw badRequest(`The '${name}' parameter must be at least ${min}.`, { [name]: `below ${min}` });
  return max === undefined ? n : Math.min(n, max);
}

/** Comma-separated or repeated query parameters, e.g. `id=1,2&id=3`. */
export function listParam(q: URLSearchParams, name: string): string[] {
  return q
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
