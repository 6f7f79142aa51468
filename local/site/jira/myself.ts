import type { Route } from '../router';
import { ApiError, ok } from '../http-types';
import { listParam } from '../paging';
import { APP_USER, fullUser } from './render-users';

/**
 * GET /rest/api/3/myself: the calling user (the app's bot account for the app identity). The
 * anonymous user gets 401, as the operation documents: "Returned if the authentication
 * credentials are incorrect or missing".
 */
export const myselfRoutes: Route[] = [
  {
    method: 'GET',
    template: '/rest/api/3/myself',
    handler: (req) => {
      if (req.viewer.isAnonymous) throw new ApiError(401, 'Client must be authenticated to access this resource.');
      return ok(fullUser(req.viewer.user ?? APP_USER, req.viewer, listParam(req.query, 'expand')));
    },
  },
];
