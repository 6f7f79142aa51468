import { checkJiraAdmin } from './admin-check';
import { getSpacesByIds } from '../sources/confluence/get-spaces';
import { getViewableContentIds } from '../sources/confluence/get-viewable-content';
import { NotFoundError } from '../sources/errors';
import { getBrowsableProjects, PROJECTS_PER_CHECK } from '../sources/jira/check-project-permissions';
import { getUserGroups } from '../sources/jira/get-user-groups';
import { getViewableIssueIds } from '../sources/jira/get-viewable-issues';
import { PAGE_LIMITS } from '../sources/page-limits';
import type { SiteClient } from '../sources/site-client';
import type { ViewerPermissionSource } from './viewer-permissions';

const SPACE_IDS_PER_CALL = 100;

export interface HostClients {
  /** The host's Jira as the app. */
  appJira: SiteClient;
  /** The host's Jira and Confluence as the invoking user. */
  viewerJira: SiteClient;
  viewerConfluence?: SiteClient;
}

/**
 * The host site's answers about the viewer: groups (as the app); everything else asked as the
 * viewer, so the site applies its own rules: "Administer Jira" (as the admin page's check),
 * projects through Jira's bulk permission check for the caller, spaces and pages through what
 * Confluence lists for them, issues through what bulkfetch returns to them (security levels
 * included). Only the viewer's own resolver calls these, so `accountId` is always the caller.
 */
export function createHostPermissionSource({ appJira, viewerJira, viewerConfluence }: HostClients): ViewerPermissionSource {
  return {
    async isJiraAdmin(accountId) {
      return (await checkJiraAdmin(viewerJira, accountId)).admin;
    },

    async groups(accountId) {
      const groups = await getUserGroups(appJira, accountId);
      return groups.map((g) => ({ name: g.name, ...(g.groupId ? { groupId: g.groupId } : {}) }));
    },

    async browsableProjects(_accountId, projectIds) {
      return inChunks(projectIds, PROJECTS_PER_CHECK, (chunk) => getBrowsableProjects(viewerJira, chunk));
    },

    async viewableSpaces(_accountId, spaceIds) {
      if (!viewerConfluence) return [];
      return withoutConfluence(() => inChunks(spaceIds, SPACE_IDS_PER_CALL, async (chunk) => (await getSpacesByIds(viewerConfluence, chunk)).map((s) => String(s.id))));
    },

    async viewableIssues(_accountId, issueIds) {
      return inChunks(issueIds, PAGE_LIMITS.issueBulkfetch, (chunk) => getViewableIssueIds(viewerJira, chunk));
    },

    async viewableContents(_accountId, contentIds) {
      if (!viewerConfluence) return [];
      return withoutConfluence(() => inChunks(contentIds, PAGE_LIMITS.contentTypes, (chunk) => getViewableContentIds(viewerConfluence, chunk)));
    },
  };
}

/** Calls in flight at once: an export chunk (2000 rows) needs up to 20 per product. */
const PARALLEL_CALLS = 4;

async function inChunks(ids: string[], size: number, ask: (chunk: string[]) => Promise<string[]>): Promise<string[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += size) chunks.push(ids.slice(i, i + size));
  const out: string[] = [];
  for (let i = 0; i < chunks.length; i += PARALLEL_CALLS) {
    for (const part of await Promise.all(chunks.slice(i, i + PARALLEL_CALLS).map(ask))) out.push(...part);
  }
  return out;
}

/** A site without Confluence has nothing in it anyone may view. */
async function withoutConfluence(ask: () => Promise<string[]>): Promise<string[]> {
  try {
    return await ask();
  } catch (e) {
    if (e instanceof NotFoundError) return [];
    throw e;
  }
}
