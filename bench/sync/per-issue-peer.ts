import { z } from 'zod';
import type { LocalPlatform } from '../../local/platform';
import { createHostSiteClient } from '../../src/platform/site-clients';
import type { SiteClient } from '../../src/sources/site-client';
import { endpointCounts } from './endpoints';

/**
 * The strategy the open-source Jira and Confluence connectors use, for comparison: search the
 * changed issues with their fields, then per issue its comments, changelog and worklogs; list
 * every page and blog post, then per item its versions and its footer and inline comments.
 * Every list is read with the largest page its endpoint accepts, a few issues at a time, so the
 * comparison is with this strategy at its best. It reads what the sync needs and stores nothing.
 */
export interface PeerMeasure {
  functionMs: number;
  restCalls: Record<string, number>;
  /** What it read, to show it saw the same site the sync did. */
  seen: { issues: number; histories: number; comments: number; worklogs: number; contents: number; versions: number; confluenceComments: number };
}

const CONCURRENCY = 4;
const ISSUE_FIELDS = ['summary', 'project', 'created', 'creator', 'updated', 'status', 'resolution'];

const searchPage = z.looseObject({ issues: z.array(z.looseObject({ id: z.string() })), nextPageToken: z.string().nullish(), isLast: z.boolean().optional() });
const offsetPage = z.looseObject({
  total: z.number().optional(),
  isLast: z.boolean().optional(),
  values: z.array(z.unknown()).optional(),
  comments: z.array(z.unknown()).optional(),
  worklogs: z.array(z.unknown()).optional(),
});
const cursorPage = z.looseObject({ results: z.array(z.looseObject({ id: z.string().optional() })), _links: z.looseObject({ next: z.string().optional() }).optional() });

async function getJson<T>(client: SiteClient, method: 'GET' | 'POST', path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
  const res = await client.request(method, path, body);
  if (res.status !== 200) throw new Error(`${method} ${path.split('?')[0]} answered ${res.status}`);
  return schema.parse(await res.json());
}

/** Jira's offset-paged lists (values, comments, worklogs): every page until the total is read. */
async function offsetList(client: SiteClient, path: string, key: 'values' | 'comments' | 'worklogs', pageSize: number): Promise<number> {
  let startAt = 0;
  for (;;) {
    const page = await getJson(client, 'GET', `${path}?startAt=${startAt}&maxResults=${pageSize}`, offsetPage);
    const items = page[key] ?? [];
    startAt += items.length;
    const done = page.isLast === true || items.length === 0 || (page.total !== undefined && startAt >= page.total);
    if (done) return startAt;
  }
}

/** Confluence v2 cursor lists: follows `_links.next` (relative to the site) to the end. */
async function cursorList(client: SiteClient, path: string, onItem?: (id: string) => void): Promise<number> {
  let next: string | undefined = path;
  let n = 0;
  while (next) {
    const page: z.infer<typeof cursorPage> = await getJson(client, 'GET', next, cursorPage);
    for (const r of page.results) if (r.id !== undefined) onItem?.(r.id);
    n += page.results.length;
    const link: string | undefined = page.results.length ? page._links?.next : undefined;
    next = link ? (link.startsWith('/wiki/') ? link : `/wiki${link}`) : undefined;
  }
  return n;
}

async function forEachLimited<T>(items: T[], limit: number, fn: (t: T) => Promise<void>): Promise<void> {
  let i = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (i < items.length) await fn(items[i++]);
  }));
}

export async function runPerIssuePeer(platform: LocalPlatform, opts: { siteUrl: string; sinceMs: number }): Promise<PeerMeasure> {
  const sites = platform.sites!;
  sites.resetLog();
  const seen = { issues: 0, histories: 0, comments: 0, worklogs: 0, contents: 0, versions: 0, confluenceComments: 0 };
  const started = performance.now();
  const out = await platform.runtime.runInContext({ key: 'bench-peer', limitMs: 6 * 3_600_000 }, async () => {
    const jira = createHostSiteClient('jira', opts.siteUrl);
    const wiki = createHostSiteClient('confluence', `${opts.siteUrl}/wiki`);
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const body = { jql: `updated >= ${opts.sinceMs} ORDER BY created ASC`, fields: ISSUE_FIELDS, maxResults: 100, ...(token ? { nextPageToken: token } : {}) };
      const page = await getJson(jira, 'POST', '/rest/api/3/search/jql', searchPage, body);
      ids.push(...page.issues.map((i) => i.id));
      token = page.isLast === true ? undefined : (page.nextPageToken ?? undefined);
    } while (token);
    seen.issues = ids.length;
    await forEachLimited(ids, CONCURRENCY, async (id) => {
      // Awaited first, then added: `x += await f()` would read x before the wait and lose updates.
      const comments = await offsetList(jira, `/rest/api/3/issue/${id}/comment`, 'comments', 5000);
      const histories = await offsetList(jira, `/rest/api/3/issue/${id}/changelog`, 'values', 100);
      const worklogs = await offsetList(jira, `/rest/api/3/issue/${id}/worklog`, 'worklogs', 5000);
      seen.comments += comments;
      seen.histories += histories;
      seen.worklogs += worklogs;
    });
    for (const type of ['pages', 'blogposts'] as const) {
      const contents: string[] = [];
      await cursorList(wiki, `/wiki/api/v2/${type}?limit=250`, (id) => contents.push(id));
      seen.contents += contents.length;
      await forEachLimited(contents, CONCURRENCY, async (id) => {
        const versions = await cursorList(wiki, `/wiki/api/v2/${type}/${id}/versions?limit=250`);
        const footer = await cursorList(wiki, `/wiki/api/v2/${type}/${id}/footer-comments?limit=250`);
        const inline = await cursorList(wiki, `/wiki/api/v2/${type}/${id}/inline-comments?limit=250`);
        seen.versions += versions;
        seen.confluenceComments += footer + inline;
      });
    }
  });
  const functionMs = performance.now() - started;
  if (out.record.status !== 'ok') throw new Error(`the per-issue run ended with ${out.record.status}: ${out.record.error ?? ''}`);
  return { functionMs, restCalls: endpointCounts(sites.stats()), seen };
}
