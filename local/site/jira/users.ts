import type { Route } from '../router';
import { badRequest, notFound, ok, type SiteRequest } from '../http-types';
import { intParam, listParam } from '../paging';
import type { FixtureUser } from '../fixture-schema';
import { fullUser, groupNames } from './render-users';

/**
 * Users: GET /rest/api/3/user/search (prefix match on display-name words and visible emails;
 * a hidden email matches only when a person types it in full, never for an app, and is never
 * returned), /user, /user/bulk, /user/groups.
 */

/**
 * Apps cannot retrieve profile fields a person has hidden
 * (https://developer.atlassian.com/cloud/jira/platform/profile-visibility/), so a search made
 * as the app never matches a hidden email, not even typed in full: it finds nobody.
 */
export function userMatches(user: FixtureUser, query: string, byApp = false): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return false;
  const email = user.email.toLowerCase();
  if (email === q && (user.emailVisible || !byApp)) return true;
  if (user.emailVisible && email.startsWith(q)) return true;
  const name = user.displayName.toLowerCase();
  return name.startsWith(q) || name.split(/\s+/).some((w) => w.startsWith(q));
}

function search(req: SiteRequest): ReturnType<typeof ok> {
  const query = req.query.get('query');
  const accountId = req.query.get('accountId');
  if (!query && !accountId && !req.query.get('property')) {
    throw badRequest("One of 'query', 'accountId' or 'property' must be provided.", { query: 'required' });
  }
  const startAt = intParam(req.query, 'startAt', 0, 0);
  const maxResults = intParam(req.query, 'maxResults', 50, 0, 1000);
  const found = req.state.raw.users.filter(
    (u) => (accountId ? u.accountId === accountId : true) && (query ? userMatches(u, query, req.viewer.isApp) : true),
  );
  return ok(found.slice(startAt, startAt + maxResults).map((u) => fullUser(u, req.viewer)));
}

function requireUser(req: SiteRequest): FixtureUser {
  const accountId = req.query.get('accountId');
  if (!accountId) throw badRequest("The 'accountId' query parameter is required.", { accountId: 'required' });
  const user = req.state.usersById.get(accountId);
  if (!user) throw notFound(`Specified user does not exist or you do not have required permissions`);
  return user;
}

function bulk(req: SiteRequest): ReturnType<typeof ok> {
  const ids = listParam(req.query, 'accountId');
  if (ids.length === 0) throw badRequest("At least one 'accountId' must be provided.", { accountId: 'required' });
  if (ids.length > 200) throw badRequest("At most 200 'accountId' values may be provided.", { accountId: 'too many' });
  const startAt = intParam(req.query, 'startAt', 0, 0);
  const maxResults = intParam(req.query, 'maxResults', 10, 1, 200);
  const users = ids.map((id) => req.state.usersById.get(id)).filter((u): u is FixtureUser => u !== undefined);
  const values = users.slice(startAt, startAt + maxResults);
  const isLast = startAt + maxResults >= users.length;
  const self = `${req.siteUrl}/rest/api/3/user/bulk?${req.query.toString()}`;
  return ok({
    self,
    ...(isLast ? {} : { nextPage: `${req.siteUrl}/rest/api/3/user/bulk?startAt=${startAt + maxResults}&maxResults=${maxResults}&${ids.map((i) => `accountId=${encodeURIComponent(i)}`).join('&')}` }),
    maxResults,
    startAt,
    total: users.length,
    isLast,
    values: values.map((u) => fullUser(u, req.viewer)),
  });
}

export const userRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/user/search', handler: search },
  { method: 'GET', template: '/rest/api/3/user', handler: (req) => ok(fullUser(requireUser(req), req.viewer, listParam(req.query, 'expand'))) },
  { method: 'GET', template: '/rest/api/3/user/bulk', handler: bulk },
  { method: 'GET', template: '/rest/api/3/user/groups', handler: (req) => ok(groupNames(requireUser(req), req.viewer)) },
];
