import type { Route } from '../router';
import { badRequest, notFound, ok, type SiteRequest } from '../http-types';
import { intParam } from '../paging';
import { userDetails } from './render-users';
import { pageBean } from './issue-access';

/** Groups: GET /rest/api/3/group/member (offset pages) and GET /rest/api/3/groups/picker. */

function members(req: SiteRequest): ReturnType<typeof ok> {
  const name = req.query.get('groupname');
  const id = req.query.get('groupId');
  if (!name && !id) throw badRequest("Either 'groupname' or 'groupId' must be provided.", { groupname: 'required' });
  const group = req.state.raw.groups.find((g) => (id ? g.groupId === id : g.name === name));
  if (!group) throw notFound(`Group not found: ${id ?? name}`);
  const includeInactive = req.query.get('includeInactiveUsers') === 'true';
  const startAt = intParam(req.query, 'startAt', 0, 0);
  const maxResults = intParam(req.query, 'maxResults', 50, 1, 50);
  const all = req.state.raw.users.filter((u) => u.groups.includes(group.name) && (includeInactive || u.active));
  const self = `${req.siteUrl}/rest/api/3/group/member?groupId=${encodeURIComponent(group.groupId)}&includeInactiveUsers=${includeInactive}&startAt=${startAt}&maxResults=${maxResults}`;
  const { values, bean } = pageBean(all, startAt, maxResults, self);
  return ok({ ...bean, values: values.map((u) => userDetails(u, req.viewer)) });
}

function picker(req: SiteRequest): ReturnType<typeof ok> {
  // Case-sensitive unless asked: the operation's `caseInsensitive` parameter defaults to false.
  const fold = req.query.get('caseInsensitive') === 'true' ? (t: string) => t.toLowerCase() : (t: string) => t;
  const query = fold(req.query.get('query') ?? '');
  const maxResults = intParam(req.query, 'maxResults', 20, 0);
  const exclude = new Set(req.query.getAll('exclude'));
  const found = req.state.raw.groups.filter((g) => fold(g.name).includes(query) && !exclude.has(g.name));
  const shown = found.slice(0, maxResults);
  const bold = (name: string): string => {
    if (query === '') return name;
    const at = fold(name).indexOf(query);
    return `${name.slice(0, at)}<b>${name.slice(at, at + query.length)}</b>${name.slice(at + query.length)}`;
  };
  return ok({
    header: `Showing ${shown.length} of ${found.length} matching groups`,
    total: found.length,
    groups: shown.map((g) => ({ name: g.name, html: bold(g.name), labels: [], groupId: g.groupId })),
  });
}

export const groupRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/group/member', handler: members },
  { method: 'GET', template: '/rest/api/3/groups/picker', handler: picker },
];
