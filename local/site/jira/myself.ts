import type { Route } from '../router';
import { ok } from '../http-types';
import { listParam } from '../paging';
import { APP_USER, fullUser } from './render-users';

/** GET /rest/api/3/myself: the calling user (the app's bot account for the app identity). */
export const myselfRoutes: Route[] = [
  {
    method: 'GET',
    template: '/rest/api/3/myself',
    handler: (req) => ok(fullUser(req.viewer.user ?? APP_USER, req.viewer, listParam(req.query, 'expand'))),
  },
];
