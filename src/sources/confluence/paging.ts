import { z } from 'zod';
import { parseResponse } from '../parse-response';
import type { SiteClient, SiteResponse } from '../site-client';

export interface CursorPage<T> {
  results: T[];
  /** Path (starting with /wiki) of the next page, taken from `_links.next` or the Link header. */
  nextPath?: string;
}

/**
 * Confluence gives the next page as a link relative to the wiki base ("/rest/api/search?…",
 * "/wiki/api/v2/pages?cursor=…") or absolute; all three become a /wiki path on the same site.
 */
export function nextPathFrom(next: string | undefined | null, res?: SiteResponse): string | undefined {
  let link = next ?? undefined;
  if (!link && res) {
    const header = res.headers.get('link');
    const m = header?.match(/<([^>]+)>\s*;\s*rel="?next"?/);
    link = m?.[1];
  }
  if (!link) return undefined;
  if (/^https?:\/\//.test(link)) {
    const u = new URL(link);
    link = u.pathname + u.search;
  }
  return link.startsWith('/wiki/') ? link : `/wiki${link.startsWith('/') ? '' : '/'}${link}`;
}

const linksSchema = z.looseObject({ next: z.string().optional() }).optional();

export async function getCursorPage<S extends z.ZodTypeAny>(
  client: SiteClient,
  path: string,
  item: S,
  what: string,
): Promise<CursorPage<z.infer<S>>> {
  const res = await client.request('GET', path);
  const body = await parseResponse(res, z.looseObject({ results: z.array(item).default([]), _links: linksSchema }), what);
  const nextPath = body.results.length ? nextPathFrom(body._links?.next, res) : undefined;
  return { results: body.results as z.infer<S>[], ...(nextPath ? { nextPath } : {}) };
}

/** Every page from `path` on, as an async iterator. */
export async function* cursorPages<S extends z.ZodTypeAny>(
  client: SiteClient,
  path: string,
  item: S,
  what: string,
): AsyncGenerator<CursorPage<z.infer<S>>> {
  let next: string | undefined = path;
  while (next) {
    const page: CursorPage<z.infer<S>> = await getCursorPage(client, next, item, what);
    yield page;
    next = page.nextPath;
  }
}
