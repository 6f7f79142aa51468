import type { Route } from './router';
import { myselfRoutes } from './jira/myself';
import { searchRoutes } from './jira/search';
import { bulkfetchRoutes } from './jira/bulkfetch';

/** Every endpoint the emulator serves, one family per module. */
export const allRoutes: Route[] = [...myselfRoutes, ...searchRoutes, ...bulkfetchRoutes];
