import type { Activity } from '../../domain/activity';
import { deletionVerdict, type ItemSighting } from '../../domain/deletion-evidence';
import { getContentByIds, liveStatuses } from '../../sources/confluence/content';
import { getCreationByIds } from '../../sources/confluence/cql-search';
import { isCommentReadable } from '../../sources/confluence/find-comment';
import { getSpacesByIds } from '../../sources/confluence/get-spaces';
import type { ContentType } from '../../sources/confluence/schemas';
import type { SiteClient } from '../../sources/site-client';
import type { StreamEnv } from '../stream-env';
import { entityActivityIds, lostContainer, type SweepFindings } from './sweep-findings';

interface StoredContent {
  id: string;
  type: ContentType;
  space: Activity['container'];
  /** Stored comment activity id by comment id. */
  comments: Map<string, string>;
}

function storedContents(acts: Activity[]): Map<string, StoredContent> {
  const contents = new Map<string, StoredContent>();
  for (const a of acts) {
    if (a.source !== 'confluence' || a.entity.type === 'issue') continue;
    const c = contents.get(a.entity.id) ?? { id: a.entity.id, type: a.entity.type, space: a.container, comments: new Map<string, string>() };
    if (a.kind === 'confluence.comment' && a.details.commentId) c.comments.set(a.details.commentId, a.id);
    contents.set(a.entity.id, c);
  }
  return contents;
}

/** How each stored page / blog post is seen: listed (current or archived), trashed, or missing. */
async function sightings(confluence: SiteClient, contents: StoredContent[]): Promise<Map<string, ItemSighting>> {
  const status = new Map<string, string>();
  for (const type of ['page', 'blogpost'] as const) {
    const ids = contents.filter((c) => c.type === type).map((c) => c.id);
    if (!ids.length) continue;
    for (const c of await getContentByIds(confluence, type, ids, [...liveStatuses(type), 'trashed'])) status.set(c.id, c.status);
  }
  const missing = contents.filter((c) => !status.has(c.id));
  const readableSpaces = missing.length ? new Set((await getSpacesByIds(confluence, [...new Set(missing.map((c) => c.space.id))])).map((s) => s.id)) : new Set<string>();
  const out = new Map<string, ItemSighting>();
  for (const c of contents) {
    const s = status.get(c.id);
    if (s === 'trashed') out.set(c.id, { seen: 'trashed' });
    else if (s !== undefined) out.set(c.id, { seen: 'present' });
    // The bulk list by id is the search of the space that would list it.
    else out.set(c.id, { seen: 'missing', containerReadable: readableSpaces.has(c.space.id), listedInContainer: false });
  }
  return out;
}

/** Comments of readable pages that neither CQL nor a direct read finds are deleted. */
async function missingComments(confluence: SiteClient, comments: Map<string, string>): Promise<string[]> {
  if (!comments.size) return [];
  const indexed = await getCreationByIds(confluence, [...comments.keys()]);
  const out: string[] = [];
  for (const [commentId, activity] of comments) {
    if (indexed.has(commentId) || (await isCommentReadable(confluence, commentId))) continue;
    if (deletionVerdict({ seen: 'missing', containerReadable: true, listedInContainer: false }) === 'delete') out.push(activity);
  }
  return out;
}

/**
 * Checks the stored pages, blog posts and comments of one slice: content in bulk by id (current,
 * archived and trashed); trashed content goes; missing content goes only when its space is still
 * readable; a comment goes only when its page is readable and the comment cannot be found.
 */
export async function sweepConfluenceSlice(env: StreamEnv, acts: Activity[], found: SweepFindings): Promise<void> {
  const contents = storedContents(acts);
  const confluence = env.confluence;
  if (!confluence || !contents.size) return;
  const seen = await sightings(confluence, [...contents.values()]);
  const readableComments = new Map<string, string>();
  for (const c of contents.values()) {
    const sighting = seen.get(c.id)!;
    const verdict = deletionVerdict(sighting);
    if (verdict === 'delete') {
      // A restore from the trash brings the content back: later passes look it up again.
      if (sighting.seen === 'trashed') await env.trashed.add(env.dataSourceId, { id: c.id, type: c.type, trashedAtMs: env.now() });
      found.deletes.push(...(await entityActivityIds(env, c.id, 'confluence')));
    } else if (verdict === 'access-lost') found.lost.push(lostContainer(c.space));
    else for (const [id, activity] of c.comments) readableComments.set(id, activity);
  }
  found.deletes.push(...(await missingComments(confluence, readableComments)));
}
