import { z } from 'zod';
import { PAGE_LIMITS } from '../page-limits';
import { parseResponse } from '../parse-response';
import { withQuery, type SiteClient } from '../site-client';
import { nextPathFrom } from './paging';

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
  for (let i = 0; i < contentIds.length; i += PAGE_LIMITS.cql) {
    const chunk = contentIds.slice(i, i + PAGE_LIMITS.cql);
    let path: string | undefined = withQuery('/wiki/rest/api/search', {
      cql: `type = comment AND container in (${chunk.join(',')})`,
      limit: PAGE_LIMITS.cql,
      expand: 'content.history,content.container',
    });
    while (path) {
      const res = await client.request('GET', path);
      const body = await parseResponse(res, bodySchema, 'Confluence search (comments)');
      for (const r of body.results) {
        const c = r.content;
        if (c?.history && c.container) out.push({ id: c.id, containerId: c.container.id, authorId: c.history.createdBy?.accountId, createdAt: c.history.createdDate });
      }
      path = body.results.length ? nextPathFrom(body._links?.next, res) : undefined;
    }
  }
  return out;
}
