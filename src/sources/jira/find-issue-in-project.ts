import { searchIssueIds } from './search-jql';
import type { SiteClient } from '../site-client';

/**
 * Whether a search in the project lists the issue: `project = P AND id >= N ORDER BY id ASC`,
 * one id. A range on `id` never fails for an id that no longer exists (an `id = N` clause
 * could), and the first id at or after N is N exactly when the issue is listed.
 */
export async function isIssueListedInProject(client: SiteClient, projectId: string, issueId: string): Promise<boolean> {
  if (!/^\d+$/.test(projectId) || !/^\d+$/.test(issueId)) return true;
  const page = await searchIssueIds(client, `project = ${projectId} AND id >= ${issueId} ORDER BY id ASC`, { maxResults: 1 });
  return page.ids[0] === issueId;
}
