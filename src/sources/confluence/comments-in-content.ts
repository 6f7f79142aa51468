import { z } from 'zod';
import type { SiteClient } from '../site-client';
import { searchByIdChunks } from './cql-search';

const bodySchema = z.looseObject({
  results: z
    .array(
      z.looseObject({
        content: z
          .looseObject({
            id: z.string(),
            container: z.looseObject({ id: z.string() }).optional(),
            history: z.looseObject({ createdBy: z.looseObject({ accountId: z.string().optional() }).optional(), createdDate: z.string() }).optional(),
          })
          .optional(),
      }),
    )
    .default([]),
  _links: z.looseObject({ next: z.string().optional() }).optional(),
});

export interface ContainedComment {
  id: string;
  /** The page or blog post the comment is on. */
  containerId: string;
  authorId?: string;
  createdAt: string;
}

/**
 * Every comment (footer, inline, replies) on the given pages or blog posts with its creator:
 * CQL `type = comment AND container in (…)` ("content that is contained in the content with the
 * given ID", https://developer.atlassian.com/cloud/confluence/cql-fields), history and container
 * expanded, 50 containers a query, paged by `_links.next`.
 */
export async function getCommentsInContent(client: SiteClient, contentIds: string[]): Promise<ContainedComment[]> {
  const out: ContainedComment[] = [];
  const cql = (idList: string) => `type = comment AND container in (${idList})`;
  await searchByIdChunks(client, contentIds, cql, 'content.history,content.container', bodySchema, 'Confluence search (comments)', (r) => {
    const c = r.content;
    if (c?.history && c.container) out.push({ id: c.id, containerId: c.container.id, authorId: c.history.createdBy?.accountId, createdAt: c.history.createdDate });
  });
  return out;
}
