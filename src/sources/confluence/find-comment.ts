import { z } from 'zod';
import { isNotFoundError } from '../errors';
import { parseResponse } from '../parse-response';
import { segment, type SiteClient } from '../site-client';
import { V2 } from './schemas';

const bodySchema = z.looseObject({ status: z.string().optional() });

/**
 * GET /wiki/api/v2/footer-comments/{id}, then inline-comments (a stored activity does not say
 * which): whether the comment can be read. 404 means "not found or no permission to view it";
 * the caller decides what that means from its page.
 */
export async function isCommentReadable(client: SiteClient, id: string): Promise<boolean> {
  for (const location of ['footer', 'inline'] as const) {
    try {
      const res = await client.request('GET', `${V2}/${location}-comments/${segment(id)}`);
      const body = await parseResponse(res, bodySchema, 'Confluence comment');
      return body.status !== 'deleted' && body.status !== 'trashed';
    } catch (e) {
      if (!isNotFoundError(e)) throw e;
    }
  }
  return false;
}
