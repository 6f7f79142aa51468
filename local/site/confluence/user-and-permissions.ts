import { z } from 'zod';
import type { Route } from '../router';
import { notFound, ok, type SiteReply, type SiteRequest } from '../http-types';
import { parseBody } from '../body';
import { APP_USER } from '../jira/render-users';
import { viewerFor } from '../viewer';
import { v1User } from './render';

/**
 * GET /wiki/rest/api/user/current and POST /wiki/rest/api/content/{id}/permission/check.
 * Content permissions follow the space's view groups; read, update and delete are treated alike.
 */

const ANONYMOUS_USER = {
  type: 'anonymous',
  displayName: 'Anonymous',
  publicName: 'Anonymous',
  profilePicture: { path: '/wiki/s/-1/_/images/icons/profilepics/anonymous.svg', width: 48, height: 48, isDefault: true },
  _expandable: { operations: '' },
  _links: {},
};

const checkSchema = z.object({
  subject: z.object({ type: z.enum(['user', 'group']), identifier: z.string().min(1) }),
  operation: z.enum(['read', 'update', 'delete']),
});

function permissionCheck(req: SiteRequest): SiteReply {
  const c = req.state.contentsById.get(req.params.id ?? '');
  const space = c ? req.state.spacesById.get(c.spaceId) : undefined;
  if (!c || c.status !== 'current' || !req.viewer.canSeeContent(c)) throw notFound(`No content with id ${req.params.id ?? ''} was found.`);
  const b = parseBody(checkSchema, req.body);
  const errors: Array<Record<string, unknown>> = [];
  let has = false;
  if (b.subject.type === 'user') {
    const user = req.state.usersById.get(b.subject.identifier);
    if (!user) errors.push({ translation: `No user with account ID ${b.subject.identifier}.`, args: [] });
    else has = viewerFor(req.state, user).canSeeContent(c) && (user.products ?? ['confluence']).includes('confluence');
  } else {
    const group = req.state.raw.groups.find((g) => g.groupId === b.subject.identifier || g.name === b.subject.identifier);
    if (!group) errors.push({ translation: `No group ${b.subject.identifier}.`, args: [] });
    else {
      const inSpace = space?.viewGroups === undefined || space.viewGroups.includes(group.name);
      has = inSpace && req.viewer.readRestrictionsOf(c).every((r) => r.groups.includes(group.name));
    }
  }
  return ok({ hasPermission: has, errors });
}

export const confluenceUserRoutes: Route[] = [
  {
    method: 'GET',
    template: '/wiki/rest/api/user/current',
    // The anonymous user is a user too: `type: "anonymous"` (the User schema's type enum), no account id.
    handler: (req) => ok(req.viewer.isAnonymous ? ANONYMOUS_USER : v1User(req.viewer.user ?? APP_USER, req.viewer)),
  },
  { method: 'POST', template: '/wiki/rest/api/content/{id}/permission/check', handler: permissionCheck },
];
