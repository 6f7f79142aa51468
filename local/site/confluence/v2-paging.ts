import { badRequest, ok, type SiteReply, type SiteRequest } from '../http-types';
import { decodeToken, encodeToken, fingerprint, intParam } from '../paging';

/**
 * Confluence v2 cursor paging: `limit` 1..250 (default 25), an opaque `cursor`, and the next
 * page given both as `_links.next` and in a `Link: <...>; rel="next"` header.
 */
export function v2Page<T>(req: SiteRequest, all: T[], render: (t: T) => unknown): SiteReply {
  const limit = intParam(req.query, 'limit', 25, 1);
  if (limit > 250) throw badRequest('limit must be less than or equal to 250', { limit: 'too large' });
  const params = new URLSearchParams(req.query);
  params.delete('cursor');
  params.sort();
  const fp = fingerprint([req.path, params.toString()]);
  const start = decodeToken(req.query.get('cursor'), fp, 'cursor');
  const page = all.slice(start, start + limit);
  const base = `${req.siteUrl}/wiki`;
  const links: Record<string, string> = { base };
  const headers: Record<string, string> = {};
  if (start + limit < all.length) {
    params.set('cursor', encodeToken(start + limit, fp));
    const next = `${req.path}?${params.toString()}`;
    links.next = next;
    headers.link = `<${next}>; rel="next", <${base}>; rel="base"`;
  }
  return ok({ results: page.map(render), _links: links }, headers);
}

/** Parses a `sort` parameter against the allowed values (a leading `-` means descending). */
export function sortParam<K extends string>(req: SiteRequest, allowed: readonly K[], dflt: K): { key: string; desc: boolean } {
  const raw = (req.query.get('sort') ?? dflt) as K;
  if (!allowed.includes(raw)) throw badRequest(`Invalid sort value '${raw}': use one of ${allowed.join(', ')}.`, { sort: 'invalid' });
  return raw.startsWith('-') ? { key: raw.slice(1), desc: true } : { key: raw, desc: false };
}

export function sorted<T>(items: T[], key: (t: T) => number | string, desc: boolean, tie: (t: T) => number): T[] {
  // Each item's key and tie-breaker computed once, not once per comparison: the site-wide
  // comment feeds sort tens of thousands of comments on every call.
  const rows = items.map((t) => ({ t, k: key(t), n: tie(t) }));
  rows.sort((a, b) => {
    const c = typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : String(a.k).localeCompare(String(b.k));
    return (desc ? -c : c) || a.n - b.n;
  });
  return rows.map((r) => r.t);
}
