import { z } from 'zod';
import { PAGE_LIMITS } from '../page-limits';
import { parseResponse } from '../parse-response';
import type { SiteClient } from '../site-client';
import { changelogSchema, type JiraChangelog } from './schemas';

const responseSchema = z.looseObject({
  issueChangeLogs: z
    .array(z.looseObject({ issueId: z.string(), changeHistories: z.array(changelogSchema).default([]) }))
    .default([]),
  nextPageToken: z.string().nullish(),
});

export interface ChangelogPage {
  byIssue: { issueId: string; histories: JiraChangelog[] }[];
  nextPageToken?: string;
}

/**
 * POST /rest/api/3/changelog/bulkfetch: the changelogs of up to 1000 issues, oldest first,
 * 10000 histories per page. Forge/OAuth only (not Connect).
 */
export async function bulkfetchChangelogs(
  client: SiteClient,
  issueIds: string[],
  opts: { nextPageToken?: string; maxResults?: number; fieldIds?: string[] } = {},
): Promise<ChangelogPage> {
  if (issueIds.length === 0) return { byIssue: [] };
  if (issueIds.length > PAGE_LIMITS.changelogIssues) {
    throw new RangeError(`changelog bulkfetch takes at most ${PAGE_LIMITS.changelogIssues} issues`);
  }
  const res = await client.request('POST', '/rest/api/3/changelog/bulkfetch', {
    issueIdsOrKeys: issueIds,
    maxResults: opts.maxResults ?? PAGE_LIMITS.changelogResults,
    ...(opts.fieldIds?.length ? { fieldIds: opts.fieldIds } : {}),
    ...(opts.nextPageToken ? { nextPageToken: opts.nextPageToken } : {}),
  });
  const body = await parseResponse(res, responseSchema, 'Jira changelog bulk fetch');
  return {
    byIssue: body.issueChangeLogs.map((c) => ({ issueId: c.issueId, histories: c.changeHistories })),
    ...(body.nextPageToken ? { nextPageToken: body.nextPageToken } : {}),
  };
}

/** All changelogs of a set of issues, grouped by issue id, following the page token. */
export async function fetchAllChangelogs(client: SiteClient, issueIds: string[]): Promise<Map<string, JiraChangelog[]>> {
  const out = new Map<string, JiraChangelog[]>();
  let token: string | undefined;
  do {
    const page = await bulkfetchChangelogs(client, issueIds, { nextPageToken: token });
    for (const { issueId, histories } of page.byIssue) {
      const list = out.get(issueId) ?? [];
      list.push(...histories);
      out.set(issueId, list);
    }
    token = page.nextPageToken;
  } while (token);
  return out;
}
