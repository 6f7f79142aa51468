import { z } from 'zod';
import { isAccessError, isNotFoundError } from './errors';
import { V2 } from './confluence/schemas';
import { parseResponse } from './parse-response';
import { segment, withQuery, type SiteClient } from './site-client';

/**
 * Tells "deleted" from "no longer visible" for one thing a bulk call left out: 404 means gone
 * (its activities go too), 401/403 means access was lost (keep the data, report the source).
 */
export type Existence = 'present' | 'gone' | 'no-access';

async function probe(call: () => Promise<boolean>): Promise<Existence> {
  try {
    return (await call()) ? 'present' : 'gone';
  } catch (e) {
    if (isNotFoundError(e)) return 'gone';
    if (isAccessError(e)) return 'no-access';
    throw e;
  }
}

/** GET /rest/api/3/issue/{id}?fields=id */
export function probeIssue(client: SiteClient, issueId: string): Promise<Existence> {
  return probe(async () => {
    const path = withQuery(`/rest/api/3/issue/${segment(issueId)}`, { fields: 'id' });
    await parseResponse(await client.request('GET', path), z.looseObject({ id: z.string() }), 'Jira issue');
    return true;
  });
}

/** GET /wiki/api/v2/pages|blogposts/{id}: trashed or draft content counts as gone. */
export function probeContent(client: SiteClient, type: 'page' | 'blogpost', id: string): Promise<Existence> {
  return probe(async () => {
    const path = `${V2}/${type === 'page' ? 'pages' : 'blogposts'}/${segment(id)}`;
    const body = await parseResponse(await client.request('GET', path), z.looseObject({ status: z.string() }), `Confluence ${type}`);
    return body.status === 'current';
  });
}

/** GET /wiki/api/v2/footer-comments/{id}, then inline-comments: the activity does not say which. */
export async function probeConfluenceComment(client: SiteClient, id: string): Promise<Existence> {
  const footer = await probe(async () => {
    const path = `${V2}/footer-comments/${segment(id)}`;
    const body = await parseResponse(await client.request('GET', path), z.looseObject({ status: z.string().optional() }), 'Confluence comment');
    return body.status === undefined || body.status === 'current';
  });
  if (footer !== 'gone') return footer;
  return probe(async () => {
    const path = `${V2}/inline-comments/${segment(id)}`;
    const body = await parseResponse(await client.request('GET', path), z.looseObject({ status: z.string().optional() }), 'Confluence comment');
    return body.status === undefined || body.status === 'current';
  });
}
