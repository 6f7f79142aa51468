import { z } from 'zod';
import { PAGE_LIMITS } from '../page-limits';
import { parseResponse } from '../parse-response';
import type { SiteClient } from '../site-client';

const idPageSchema = z.looseObject({
  issues: z.array(z.looseObject({ id: z.string() })).default([]),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

export interface IssueIdPage {
  ids: string[];
  /** Absent on the last page. Tokens expire after 7 days, so only short-lived checkpoints keep them. */
  nextPageToken?: string;
}

/**
 * POST /rest/api/3/search/jql asking for ids only: the largest pages the search serves.
 * The old /rest/api/3/search answers 410 Gone.
 */
export async function searchIssueIds(
  client: SiteClient,
  jql: string,
  opts: { nextPageToken?: string; maxResults?: number } = {},
): Promise<IssueIdPage> {
  const body = {
    jql,
    fields: ['id'],
    maxResults: opts.maxResults ?? PAGE_LIMITS.jqlIds,
    ...(opts.nextPageToken ? { nextPageToken: opts.nextPageToken } : {}),
  };
  const res = await client.request('POST', '/rest/api/3/search/jql', body);
  const page = await parseResponse(res, idPageSchema, 'Jira issue search');
  const next = page.nextPageToken && page.isLast !== true ? page.nextPageToken : undefined;
  return { ids: page.issues.map((i) => i.id), ...(next ? { nextPageToken: next } : {}) };
}

/** Every page of ids, following the token; never loops on counts (the search has none). */
export async function* searchIssueIdPages(
  client: SiteClient,
  jql: string,
  opts: { nextPageToken?: string; maxResults?: number } = {},
): AsyncGenerator<IssueIdPage> {
  let token = opts.nextPageToken;
  do {
    const page = await searchIssueIds(client, jql, { ...opts, nextPageToken: token });
    yield page;
    token = page.nextPageToken;
  } while (token);
}
