import type { Route } from './router';
import { myselfRoutes } from './jira/myself';
import { searchRoutes } from './jira/search';
import { bulkfetchRoutes } from './jira/bulkfetch';
import { changelogRoutes } from './jira/changelogs';
import { commentRoutes } from './jira/comments';
import { worklogRoutes } from './jira/worklogs';
import { userRoutes } from './jira/users';
import { groupRoutes } from './jira/groups';
import { permissionRoutes } from './jira/permissions';
import { catalogRoutes } from './jira/catalog';
import { confluenceUserRoutes } from './confluence/user-and-permissions';
import { cqlSearchRoutes } from './confluence/cql-search';
import { v2PageRoutes } from './confluence/v2-pages';
import { v2CommentRoutes } from './confluence/v2-comments';
import { v2SpaceUserRoutes } from './confluence/v2-spaces-users';
import { v2CommentDetailRoutes } from './confluence/v2-comment-detail';
import { v2ContentTypeRoutes } from './confluence/v2-content-types';

/** Every endpoint the emulator serves, one family per module. */
export const allRoutes: Route[] = [
  ...myselfRoutes,
  ...searchRoutes,
  ...bulkfetchRoutes,
  ...changelogRoutes,
  ...commentRoutes,
  ...worklogRoutes,
  ...userRoutes,
  ...groupRoutes,
  ...permissionRoutes,
  ...catalogRoutes,
  ...confluenceUserRoutes,
  ...cqlSearchRoutes,
  ...v2PageRoutes,
  ...v2CommentRoutes,
  ...v2CommentDetailRoutes,
  ...v2SpaceUserRoutes,
  ...v2ContentTypeRoutes,
];
