import { z } from 'zod';
import { PAGE_LIMITS } from '../page-limits';
import { parseResponse } from '../parse-response';
import { segment, withQuery, type SiteClient } from '../site-client';
import { changelogSchema, type JiraChangelog } from './schemas';

const pageSchema = z.looseObject({
  values: z.array(changelogSchema).default([]),
  startAt: z.number().default(0),
  total: z.number().optional(),
  isLast: z.boolean().optional(),
});

/** GET /rest/api/3/issue/{id}/changelog (offset paging, oldest first): one issue's full history. */
export async function* issueChangelogPages(client: SiteClient, issueId: string): AsyncGenerator<JiraChangelog[]> {
  let startAt = 0;
  for (;;) {
    const path = withQuery(`/rest/api/3/issue/${segment(issueId)}/changelog`, {
      startAt,
      maxResults: PAGE_LIMITS.issueChangelog,
    });
    const page = await parseResponse(await client.request('GET', path), pageSchema, 'Jira issue changelog');
    yield page.values;
    startAt += page.values.length;
    const done = page.isLast ?? (page.total === undefined || startAt >= page.total);
    if (done || page.values.length === 0) return;
  }
}
