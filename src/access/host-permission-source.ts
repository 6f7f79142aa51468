import { checkJiraAdmin } from './admin-check';
import { getSpacesByIds } from '../sources/confluence/get-spaces';
import { NotFoundError } from '../sources/errors';
import { getBrowsableProjects, PROJECTS_PER_CHECK } from '../sources/jira/check-project-permissions';
import { getUserGroups } from '../sources/jira/get-user-groups';
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
 * The host site's answers about the viewer: groups (as the app), "Administer Jira" (asked as
 * the viewer, exactly as the admin page's check), Jira's bulk permission check for projects (as
 * the app, for the viewer's account), and the spaces Confluence lists when asked as the viewer.
 */
export function createHostPermissionSource({ appJira: hostJira, viewerJira, viewerConfluence }: HostClients): ViewerPermissionSource {
  return {
    async isJiraAdmin(accountId) {
      return (await checkJiraAdmin(viewerJira, accountId)).admin;
    },

    async groups(accountId) {
      const groups = await getUserGroups(hostJira, accountId);
      return groups.map((g) => ({ name: g.name, ...(g.groupId ? { groupId: g.groupId } : {}) }));
    },

    async browsableProjects(accountId, projectIds) {
      const out: string[] = [];
      for (let i = 0; i < projectIds.length; i += PROJECTS_PER_CHECK) {
        out.push(...(await getBrowsableProjects(hostJira, accountId, projectIds.slice(i, i + PROJECTS_PER_CHECK))));
      }
      return out;
    },

    async viewableSpaces(_accountId, spaceIds) {
      if (!viewerConfluence) return [];
      // Asked as the viewer: the site lists only the spaces they may view.
      const out: string[] = [];
      for (let i = 0; i < spaceIds.length; i += SPACE_IDS_PER_CALL) {
        const chunk = spaceIds.slice(i, i + SPACE_IDS_PER_CALL);
        try {
          out.push(...(await getSpacesByIds(viewerConfluence, chunk)).map((s) => String(s.id)));
        } catch (e) {
          // A site without Confluence has no space anyone may view.
          if (e instanceof NotFoundError) return out;
          throw e;
        }
      }
      return out;
    },
  };
}
