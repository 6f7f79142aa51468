import type { ItemRestriction } from '../../domain/activity';
import { HOST_DATA_SOURCE_ID } from '../../domain/config';
import { getContentByIds } from '../../sources/confluence/content';
import { getReadRestrictions } from '../../sources/confluence/get-read-restrictions';
import { getSpacesByIds } from '../../sources/confluence/get-spaces';
import type { ConfluenceContent, ContentType } from '../../sources/confluence/schemas';
import { contentInfo, type ContentInfo } from '../attribution/confluence';
import type { StreamEnv } from '../stream-env';

/** Fills the space cache for the given space ids (one call per 250 unknown spaces). */
export async function ensureSpaces(env: StreamEnv, spaceIds: string[]): Promise<void> {
  const missing = [...new Set(spaceIds)].filter((id) => !env.cache.spaces.has(id));
  if (!missing.length) return;
  for (const s of await getSpacesByIds(env.confluence!, missing)) env.cache.spaces.set(s.id, s);
}

/**
 * Current and archived pages / blog posts by id, with their space, cached for the invocation.
 * Trashed, deleted and draft content maps to null: it yields no activity. Pages and blog posts
 * are separate v2 lists, read side by side; their spaces and restrictions then in one go.
 */
export async function loadContents(
  env: StreamEnv,
  wanted: { id: string; type: ContentType }[],
): Promise<Map<string, { content: ConfluenceContent; info: ContentInfo }>> {
  const out = new Map<string, { content: ConfluenceContent; info: ContentInfo }>();
  const byType = (['page', 'blogpost'] as const)
    .map((type) => ({ type, ids: [...new Set(wanted.filter((w) => w.type === type).map((w) => w.id))] }))
    .filter((t) => t.ids.length > 0);
  const found = await Promise.all(byType.map(({ type, ids }) => getContentByIds(env.confluence!, type, ids)));
  const all = found.flat();
  await ensureSpaces(env, all.map((c) => c.spaceId));
  // Another site's viewers cannot be asked about, so whether the page is restricted is
  // recorded; on the host each viewer's own access is asked instead (no calls spent here).
  const restricted = env.dataSourceId === HOST_DATA_SOURCE_ID || !all.length ? new Map<string, ItemRestriction>() : await getReadRestrictions(env.confluence!, all.map((c) => c.id));
  byType.forEach(({ type, ids }, i) => {
    for (const c of found[i]) {
      const info = { ...contentInfo(c, type, env.cache.spaces.get(c.spaceId)), restricted: restricted.get(c.id) ?? 'unknown' };
      env.cache.contents.set(c.id, info);
      out.set(c.id, { content: c, info });
    }
    for (const id of ids) if (!out.has(id)) env.cache.contents.set(id, null);
  });
  return out;
}

/** Page / blog post details for comments: served from the invocation cache when known. */
export async function contentInfos(env: StreamEnv, wanted: { id: string; type: ContentType }[]): Promise<Map<string, ContentInfo>> {
  const unknown = wanted.filter((w) => !env.cache.contents.has(w.id));
  if (unknown.length) await loadContents(env, unknown);
  const out = new Map<string, ContentInfo>();
  for (const w of wanted) {
    const info = env.cache.contents.get(w.id);
    if (info) out.set(w.id, info);
  }
  return out;
}
