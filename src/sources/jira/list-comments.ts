import { z } from 'zod';
import { PAGE_LIMITS } from '../page-limits';
import { parseResponse } from '../parse-response';
import { numericId, type SiteClient } from '../site-client';
import { commentSchema, type JiraComment } from './schemas';

const pageSchema = z.looseObject({ values: z.array(commentSchema.extend({ issueId: z.string().optional() })).default([]) });

/** POST /rest/api/3/comment/list: comments by id (≤1000); deleted ones are left out. */
export async function listComments(client: SiteClient, ids: string[]): Promise<(JiraComment & { issueId?: string })[]> {
  if (ids.length === 0) return [];
  if (ids.length > PAGE_LIMITS.commentList) throw new RangeError(`comment/list takes at most ${PAGE_LIMITS.commentList} ids`);
  const res = await client.request('POST', '/rest/api/3/comment/list', { ids: ids.map(numericId) });
  const page = await parseResponse(res, pageSchema, 'Jira comment list');
  return page.values;
}
