import type { Activity } from '../../domain/activity';
import { getCommentsInContent } from '../../sources/confluence/comments-in-content';
import { getContentByIds, liveStatuses } from '../../sources/confluence/content';
import type { ContentType } from '../../sources/confluence/schemas';
import { confluenceCommentActivity } from '../attribution/confluence';
import type { StreamEnv } from '../stream-env';
import { contentInfos } from './confluence-shared';

/** Trash records looked up per pass: the trash is emptied by Confluence, so few are pending. */
export const RESTORE_CHECKS_PER_PASS = 500;

type ReadContents = (env: StreamEnv, wanted: { id: string; type: ContentType }[]) => Promise<number>;

/**
 * Content the deletion sweep found in the trash (and removed the activity of) is looked up again
 * at the start of each content pass: restored content is read again over the whole history window,
 * its comments too (CQL `container in (…)`), so it gets its history back; content no longer
 * listed at all is gone for good (or out of sight, where nothing of it is stored either) and its
 * record is dropped; content still in the trash keeps its record. Returns the activities written.
 */
export async function restoreTrashedContent(env: StreamEnv, readContents: ReadContents): Promise<number> {
  const confluence = env.confluence;
  if (!confluence) return 0;
  const records = await env.trashed.list(env.dataSourceId, RESTORE_CHECKS_PER_PASS);
  if (!records.length) return 0;
  const status = new Map<string, string>();
  // Pages and blog posts are separate v2 lists: asked side by side.
  const listed = await Promise.all(
    (['page', 'blogpost'] as const).map((type) => {
      const ids = records.filter((r) => r.type === type).map((r) => r.id);
      return ids.length ? getContentByIds(confluence, type, ids, [...liveStatuses(type), 'trashed']) : [];
    }),
  );
  for (const c of listed.flat()) status.set(c.id, c.status);
  const restored = records.filter((r) => status.has(r.id) && status.get(r.id) !== 'trashed');
  let written = 0;
  if (restored.length) {
    const wanted = restored.map((r) => ({ id: r.id, type: r.type }));
    written += await readContents(env, wanted);
    const infos = await contentInfos(env, wanted);
    const comments: Activity[] = [];
    for (const c of await getCommentsInContent(confluence, restored.map((r) => r.id))) {
      const info = infos.get(c.containerId);
      const a = info && confluenceCommentActivity(env.ctx, info, c.id, { number: 1, authorId: c.authorId, createdAt: c.createdAt });
      if (a) comments.push(a);
    }
    await env.writer.apply(comments);
    written += comments.length;
  }
  for (const r of records) if (status.get(r.id) !== 'trashed') await env.trashed.remove(env.dataSourceId, r.id);
  return written;
}
