import { z } from 'zod';
import type { ItemRestriction } from '../../domain/activity';
import type { SiteClient } from '../site-client';
import { searchByIdChunks } from './cql-search';

const sizeOf = z.looseObject({ results: z.array(z.unknown()).default([]), size: z.number().optional() }).optional();
const searchSchema = z.looseObject({
  results: z
    .array(
      z.looseObject({
        content: z
          .looseObject({
            id: z.string(),
            restrictions: z
              .looseObject({ read: z.looseObject({ restrictions: z.looseObject({ user: sizeOf, group: sizeOf }).optional() }).optional() })
              .optional(),
            ancestors: z.array(z.looseObject({ id: z.string() })).nullish(),
          })
          .optional(),
      }),
    )
    .default([]),
  _links: z.looseObject({ next: z.string().optional() }).optional(),
});

const EXPAND = 'content.restrictions.read.restrictions.user,content.restrictions.read.restrictions.group,content.ancestors';

interface OwnRestriction {
  /** Undefined: the answer did not carry the restrictions. */
  own?: boolean;
  ancestorIds: string[];
}

/**
 * Whether each page or blog post is read-restricted, for many ids at once: CQL `id in (…)` (50 a
 * call) with the content's own read restrictions and its ancestors expanded, then the same for
 * the ancestors not yet known, since Confluence applies a parent page's view restriction to its
 * children (https://support.atlassian.com/confluence-cloud/docs/what-are-page-permissions-and-restrictions/)
 * and the expansion lists only the content's own
 * (https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content-restrictions/).
 * Whatever the answers leave open (content missing from the search index, restrictions not
 * returned) is 'unknown', never "not restricted".
 */
export async function getReadRestrictions(client: SiteClient, ids: string[]): Promise<Map<string, ItemRestriction>> {
  const known = await ownRestrictions(client, ids);
  const ancestors = [...new Set([...known.values()].flatMap((k) => k.ancestorIds))].filter((id) => !known.has(id));
  for (const [id, r] of await ownRestrictions(client, ancestors)) known.set(id, r);
  const out = new Map<string, ItemRestriction>();
  for (const id of ids) {
    const chain = [known.get(id), ...(known.get(id)?.ancestorIds ?? []).map((a) => known.get(a))];
    if (chain.some((c) => c?.own === true)) out.set(id, true);
    else out.set(id, chain.every((c) => c?.own === false) ? false : 'unknown');
  }
  return out;
}

async function ownRestrictions(client: SiteClient, ids: string[]): Promise<Map<string, OwnRestriction>> {
  const out = new Map<string, OwnRestriction>();
  await searchByIdChunks(client, ids, (idList) => `id in (${idList})`, EXPAND, searchSchema, 'Confluence search (restrictions)', (r) => {
    if (!r.content) return;
    const read = r.content.restrictions?.read?.restrictions;
    const count = (a: z.infer<typeof sizeOf>) => (a === undefined ? undefined : Math.max(a.size ?? 0, a.results.length));
    const users = count(read?.user);
    const groups = count(read?.group);
    const own = users === undefined || groups === undefined ? undefined : users + groups > 0;
    out.set(r.content.id, { ...(own === undefined ? {} : { own }), ancestorIds: (r.content.ancestors ?? []).map((a) => a.id) });
  });
  return out;
}
