import type { Activity } from '../../domain/activity';
import { STREAM } from '../../domain/stream-id';
import { archivedPagesPage, contentVersionPages } from '../../sources/confluence/content';
import { cqlDate, cqlSearchPage, cqlSearchPath } from '../../sources/confluence/cql-search';
import type { ConfluenceContent, ConfluenceVersion, ContentType } from '../../sources/confluence/schemas';
import type { StreamPass } from '../../store/cursor-repository';
import { pageCreatedActivity, pageUpdatedActivity, type ContentInfo } from '../attribution/confluence';
import { mapLimit, type Stream, type StreamEnv } from '../stream-env';
import { loadContents } from './confluence-shared';
import { restoreTrashedContent } from './restore-trashed';

/** CQL dates are read in the caller's time zone; a day of margin covers every zone. */
const CQL_ZONE_MARGIN_MS = 26 * 3_600_000;

interface State {
  nextPath?: string;
  started?: boolean;
  /** Hits not hydrated yet: v2 takes 250 ids a call, CQL gives at most 50 a page. */
  pending?: { id: string; type: ContentType }[];
  /** After the search: archived pages, listed (a pass reading its whole window only). */
  archived?: { nextPath?: string };
}

const HYDRATE_BATCH = 250;

export function contentCql(pass: Pick<StreamPass, 'querySinceMs'>): string {
  return `type in (page, blogpost) AND lastmodified >= "${cqlDate(pass.querySinceMs - CQL_ZONE_MARGIN_MS)}" ORDER BY created ASC`;
}

/**
 * Versions in the window that may not be stored yet, newest first. The bulk listing already
 * carries the latest version, so only content edited more than once since `changedSinceMs`
 * needs the versions endpoint. The CQL date margin makes an incremental pass see content last
 * edited up to a day before its start: versions older than the pass start were stored by the
 * pass before, so such content costs no call.
 */
async function versionsInWindow(env: StreamEnv, type: ContentType, c: ConfluenceContent, keepSinceMs: number, changedSinceMs: number): Promise<ConfluenceVersion[]> {
  const latest = c.version;
  if (!latest || latest.number < 2) return [];
  const stopMs = Math.max(keepSinceMs, changedSinceMs);
  if (latest.number === 2 || Date.parse(latest.createdAt) < stopMs) return [latest];
  const out: ConfluenceVersion[] = [];
  for await (const page of contentVersionPages(env.confluence!, type, c.id)) {
    out.push(...page);
    if (page.some((v) => Date.parse(v.createdAt) < stopMs)) break;
  }
  return out;
}

/**
 * Pages and blog posts changed since the window start: ids from CQL (the only date filter
 * Confluence has), details in bulk from v2 (250 ids a call), versions from v2 only when needed.
 */
export const confluenceContentStream: Stream = {
  id: STREAM.confluenceContent,
  product: 'confluence',
  async step(env, pass) {
    const state = pass.state as State;
    if (state.archived) return archivedStep(env, pass, state.archived);
    state.pending ??= [];
    // The trash records are looked up while the search runs: neither needs the other.
    const restoring = state.started ? Promise.resolve(0) : restoreTrashedContent(env, (e, wanted) => syncContents(e, wanted));
    const searching = !state.started || state.nextPath !== undefined ? cqlSearchPage(env.confluence!, state.nextPath ?? cqlSearchPath(contentCql(pass))) : undefined;
    // Both end before the step does, even when one fails: nothing of it writes after its checkpoint.
    await Promise.allSettled([restoring, searching]);
    const restored = await restoring;
    if (searching) {
      const page = await searching;
      state.started = true;
      state.nextPath = page.nextPath;
      for (const h of page.hits) {
        if (h.type !== 'page' && h.type !== 'blogpost') continue;
        // The day of CQL margin brings back content last modified before this pass started:
        // nothing of it can be new, so it is not hydrated.
        if (h.lastModifiedMs !== undefined && h.lastModifiedMs < pass.querySinceMs) continue;
        state.pending.push({ id: h.id, type: h.type });
      }
    }
    // Pages and blog posts are separate v2 lists: hydrate a type once it fills a call.
    const full = (['page', 'blogpost'] as const).find((t) => state.pending!.filter((w) => w.type === t).length >= HYDRATE_BATCH);
    if (!full && state.nextPath) return { done: false, activities: restored };
    const wanted = full ? state.pending.filter((w) => w.type === full).slice(0, HYDRATE_BATCH) : state.pending.splice(0, HYDRATE_BATCH * 2);
    if (full) {
      const taken = new Set(wanted.map((w) => w.id));
      state.pending = state.pending.filter((w) => !taken.has(w.id));
    }
    const count = restored + (await syncContents(env, wanted, pass.querySinceMs));
    if (state.nextPath || state.pending.length > 0) return { done: false, activities: count };
    // Archived pages keep their history but are not edited (so an incremental pass has nothing
    // to find there); a pass that reads its whole window lists them too.
    if (pass.querySinceMs > pass.keepSinceMs) return { done: true, activities: count };
    state.archived = {};
    return { done: false, activities: count };
  },
};

/** One page of archived pages; those with a version in the window are read like any other. */
async function archivedStep(env: StreamEnv, pass: StreamPass, state: { nextPath?: string }): Promise<{ done: boolean; activities: number }> {
  const page = await archivedPagesPage(env.confluence!, state.nextPath);
  const inWindow = page.results.filter((c) => Date.parse(c.version?.createdAt ?? c.createdAt) >= pass.keepSinceMs);
  const count = inWindow.length ? await syncContents(env, inWindow.map((c) => ({ id: c.id, type: 'page' as const })), pass.querySinceMs) : 0;
  if (page.nextPath) state.nextPath = page.nextPath;
  else delete state.nextPath;
  return { done: !page.nextPath, activities: count };
}

/**
 * Pages / blog posts by id, with the versions the attribution window needs, into the store
 * (poller and events). `changedSinceMs`: versions before it are known to be stored (default:
 * none in the window are).
 */
export async function syncContents(
  env: StreamEnv,
  wanted: { id: string; type: ContentType }[],
  changedSinceMs = env.ctx.window.sinceMs,
): Promise<number> {
  const contents = await loadContents(env, wanted);
  const upserts: Activity[] = [];
  const withVersions = await mapLimit([...contents.values()], 4, async ({ content, info }) => ({
    content,
    info,
    versions: await versionsInWindow(env, info.type, content, env.ctx.window.sinceMs, changedSinceMs),
  }));
  for (const { content, info, versions } of withVersions) upserts.push(...contentActivities(env, info, content, versions));
  await env.writer.apply(upserts);
  return upserts.length;
}

export function contentActivities(env: StreamEnv, info: ContentInfo, c: ConfluenceContent, versions: ConfluenceVersion[]): Activity[] {
  const out = [pageCreatedActivity(env.ctx, info, c), ...versions.map((v) => pageUpdatedActivity(env.ctx, info, v))];
  return out.filter((a): a is Activity => a !== undefined);
}
