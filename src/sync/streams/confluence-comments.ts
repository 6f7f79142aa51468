import type { Activity } from '../../domain/activity';
import { STREAM } from '../../domain/stream-id';
import { commentFeedPage, commentFeedPath, firstCommentVersion, type CommentLocation } from '../../sources/confluence/comments';
import { getCreationByIds } from '../../sources/confluence/cql-search';
import type { ConfluenceComment, ConfluenceVersion } from '../../sources/confluence/schemas';
import { confluenceCommentActivity } from '../attribution/confluence';
import { mapLimit, type Stream } from '../stream-env';
import { contentInfos } from './confluence-shared';

interface State {
  location?: CommentLocation;
  nextPath?: string;
}

/**
 * Footer and inline comments from the site-wide v2 feeds, newest first; v2 has no date filter,
 * so a feed is read until a comment created before the window start. A comment is attributed
 * to the author of its first version; only edited comments need a call for that version.
 */
export const confluenceCommentsStream: Stream = {
  id: STREAM.confluenceComments,
  product: 'confluence',
  async step(env, pass) {
    const confluence = env.confluence!;
    const state = pass.state as State;
    const location = state.location ?? 'footer';
    const page = await commentFeedPage(confluence, location, state.nextPath ?? commentFeedPath(location));

    let reachedStart = false;
    const fresh: ConfluenceComment[] = [];
    for (const c of page.results) {
      // The latest version is at or after the first: if even it is old, so is the comment.
      if (Date.parse(c.version.createdAt) < pass.querySinceMs) {
        reachedStart = true;
        continue;
      }
      if (c.status && c.status !== 'current') continue;
      fresh.push(c);
    }
    // Edited comments: their creation comes in one CQL call per 50 instead of one call each.
    const edited = fresh.filter((c) => c.version.number > 1).map((c) => c.id);
    const created = edited.length ? await getCreationByIds(confluence, edited) : new Map<string, { authorId?: string; createdAt: string }>();
    // CQL searches current content only: a comment on an archived page (whose history the app
    // keeps) is not in it. Its own version list says who created it, one call each.
    // A few side by side, as the content stream reads version histories.
    const unseen = edited.filter((x) => !created.has(x));
    const firstVersions = await mapLimit(unseen, 4, (id) => firstCommentVersion(confluence, location, id));
    unseen.forEach((id, i) => {
      const first = firstVersions[i];
      if (first) created.set(id, { authorId: first.authorId ?? undefined, createdAt: first.createdAt });
    });
    const firsts = fresh.map((c): ConfluenceVersion | undefined => {
      if (c.version.number === 1) return c.version;
      const made = created.get(c.id);
      return made ? { number: 1, authorId: made.authorId, createdAt: made.createdAt } : undefined;
    });
    const parents = fresh.map((c) => (c.pageId ? { id: c.pageId, type: 'page' as const } : { id: c.blogPostId ?? '', type: 'blogpost' as const }));
    const contents = await contentInfos(env, parents.filter((p) => p.id !== ''));
    const upserts: Activity[] = [];
    fresh.forEach((c, i) => {
      const first = firsts[i];
      if (!first) return;
      if (Date.parse(first.createdAt) < pass.querySinceMs) {
        reachedStart = true;
        return;
      }
      const parent = contents.get(parents[i].id);
      const a = parent && confluenceCommentActivity(env.ctx, parent, c.id, first);
      if (a) upserts.push(a);
    });
    await env.writer.apply(upserts);

    if (page.nextPath && !reachedStart) {
      state.location = location;
      state.nextPath = page.nextPath;
      return { done: false, activities: upserts.length };
    }
    if (location === 'footer') {
      state.location = 'inline';
      delete state.nextPath;
      return { done: false, activities: upserts.length };
    }
    return { done: true, activities: upserts.length };
  },
};
