import { z } from 'zod';
import { PAGE_LIMITS } from '../page-limits';
import { parseResponse } from '../parse-response';
import { withQuery, type SiteClient } from '../site-client';
import { nextPathFrom } from './paging';

const resultSchema = z.looseObject({
  content: z.looseObject({ id: z.string(), type: z.string(), status: z.string().optional() }).optional(),
  lastModified: z.string().optional(),
});
const pageSchema = z.looseObject({
  results: z.array(resultSchema).default([]),
  _links: z.looseObject({ next: z.string().optional() }).optional(),
});

export interface CqlHit {
  id: string;
  type: string;
  /** When the content was last modified, as the search reports it (epoch ms), if it does. */
  lastModifiedMs?: number;
}

export interface CqlPage {
  hits: CqlHit[];
  nextPath?: string;
}

/** First-page path of GET /wiki/rest/api/search; later pages come only from `_links.next`. */
export function cqlSearchPath(cql: string, limit: number = PAGE_LIMITS.cql): string {
  return withQuery('/wiki/rest/api/search', { cql, limit });
}

/** One page of CQL search hits (content only; spaces, users and attachments are skipped). */
export async function cqlSearchPage(client: SiteClient, path: string): Promise<CqlPage> {
  const res = await client.request('GET', path);
  const body = await parseResponse(res, pageSchema, 'Confluence search');
  const hits = body.results.flatMap((r): CqlHit[] => {
    if (!r.content) return [];
    const modified = r.lastModified === undefined ? NaN : Date.parse(r.lastModified);
    return [{ id: r.content.id, type: r.content.type, ...(Number.isNaN(modified) ? {} : { lastModifiedMs: modified }) }];
  });
  const nextPath = body.results.length ? nextPathFrom(body._links?.next, res) : undefined;
  return { hits, ...(nextPath ? { nextPath } : {}) };
}

/** CQL wants dates as "yyyy/MM/dd HH:mm" in the caller's zone: callers widen the window. */
export function cqlDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

const historySchema = z.looseObject({
  results: z
    .array(
      z.looseObject({
        content: z
          .looseObject({
            id: z.string(),
            history: z.looseObject({ createdBy: z.looseObject({ accountId: z.string().optional() }).optional(), createdDate: z.string() }).optional(),
          })
          .optional(),
      }),
    )
    .default([]),
  _links: z.looseObject({ next: z.string().optional() }).optional(),
});

export interface Creation {
  authorId?: string;
  createdAt: string;
}

/**
 * Who created each piece of content (pages, comments) and when, for many ids at once: CQL
 * `id in (…)` with the history expanded. Edited comments need this, since v2 lists carry only
 * their latest version.
 */
export async function getCreationByIds(client: SiteClient, ids: string[]): Promise<Map<string, Creation>> {
  const out = new Map<string, Creation>();
  await searchByIdChunks(client, ids, (idList) => `id in (${idList})`, 'content.history', historySchema, 'Confluence search (history)', (r) => {
    const h = r.content?.history;
    if (r.content && h) out.set(r.content.id, { authorId: h.createdBy?.accountId, createdAt: h.createdDate });
  });
  return out;
}

/** A CQL search answer: its results and the link to the next page. */
interface SearchAnswer<R> {
  results: R[];
  _links?: { next?: string };
}

/**
 * CQL over many content ids: one `GET /wiki/rest/api/search` per `PAGE_LIMITS.cql` ids (the query
 * `cqlFor` builds from the comma-separated chunk), each followed through its `_links.next` pages;
 * every result is handed to `onResult`.
 */
export async function searchByIdChunks<S extends z.ZodType<SearchAnswer<unknown>>>(
  client: SiteClient,
  ids: readonly string[],
  cqlFor: (idList: string) => string,
  expand: string,
  schema: S,
  what: string,
  onResult: (r: z.infer<S>['results'][number]) => void,
): Promise<void> {
  for (let i = 0; i < ids.length; i += PAGE_LIMITS.cql) {
    const idList = ids.slice(i, i + PAGE_LIMITS.cql).join(',');
    let path: string | undefined = withQuery('/wiki/rest/api/search', { cql: cqlFor(idList), limit: PAGE_LIMITS.cql, expand });
    while (path) {
      const res = await client.request('GET', path);
      const body: SearchAnswer<unknown> = await parseResponse(res, schema, what);
      for (const r of body.results) onResult(r as z.infer<S>['results'][number]);
      path = body.results.length ? nextPathFrom(body._links?.next, res) : undefined;
    }
  }
}
