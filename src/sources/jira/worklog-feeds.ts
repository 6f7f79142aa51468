import { z } from 'zod';
import { PAGE_LIMITS } from '../page-limits';
import { parseResponse } from '../parse-response';
import { numericId, withQuery, type SiteClient } from '../site-client';
import { worklogSchema, type JiraWorklog } from './schemas';

const changedSchema = z.looseObject({
  values: z.array(z.looseObject({ worklogId: z.union([z.number(), z.string()]), updatedTime: z.number() })).default([]),
  since: z.number().optional(),
  until: z.number().optional(),
  lastPage: z.boolean().default(true),
  nextPage: z.string().optional(),
});

/** The feeds leave out worklogs changed in the last minute before the request. */
export const WORKLOG_FEED_QUIET_MS = 60_000;

export interface WorklogFeedPage {
  ids: string[];
  /** Epoch ms to continue from (the feed's `until`). */
  until: number;
  lastPage: boolean;
}

/**
 * GET /rest/api/3/worklog/updated|deleted?since=<epoch ms>: ids and times, oldest first, 1000 a
 * page. Worklogs changed in the last minute are left out by the site, so callers keep a lookback.
 */
export async function worklogFeedPage(client: SiteClient, feed: 'updated' | 'deleted', since: number): Promise<WorklogFeedPage> {
  const path = withQuery(`/rest/api/3/worklog/${feed}`, { since });
  const page = await parseResponse(await client.request('GET', path), changedSchema, `Jira worklog ${feed} feed`);
  const lastTime = page.values.length ? Math.max(...page.values.map((v) => v.updatedTime)) : since;
  return {
    ids: page.values.map((v) => String(v.worklogId)),
    until: page.until ?? lastTime,
    lastPage: page.lastPage || page.values.length === 0,
  };
}

/** POST /rest/api/3/worklog/list: full worklogs by id (≤1000). */
export async function listWorklogs(client: SiteClient, ids: string[]): Promise<JiraWorklog[]> {
  if (ids.length === 0) return [];
  if (ids.length > PAGE_LIMITS.worklogList) throw new RangeError(`worklog/list takes at most ${PAGE_LIMITS.worklogList} ids`);
  const res = await client.request('POST', '/rest/api/3/worklog/list', { ids: ids.map(numericId) });
  return parseResponse(res, z.array(worklogSchema), 'Jira worklog list');
}
