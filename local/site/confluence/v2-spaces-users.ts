import { z } from 'zod';
import type { Route } from '../router';
import { ok, badRequest, type SiteReply, type SiteRequest } from '../http-types';
import { parseBody } from '../body';
import { listParam } from '../paging';
import type { FixtureSpace, FixtureUser } from '../fixture-schema';
import { spaceBulk, v2User } from './render';
import { sortParam, sorted, v2Page } from './v2-paging';

/** Confluence v2 GET /spaces (ids, keys, type; visible spaces only) and POST /users-bulk. */

function spaces(req: SiteRequest): SiteReply {
  const ids = listParam(req.query, 'ids');
  const keys = listParam(req.query, 'keys');
  const type = req.query.get('type');
  const status = req.query.get('status');
  if (ids.length > 250 || keys.length > 250) throw badRequest('At most 250 ids and 250 keys may be given.');
  const sort = sortParam(req, ['id', '-id', 'key', '-key', 'name', '-name'] as const, 'id');
  const items = req.state.raw.spaces.filter(
    (s) =>
      (ids.length === 0 || ids.includes(s.id)) &&
      (keys.length === 0 || keys.includes(s.key)) &&
      (type === null || s.type === type) &&
      (status === null || status === 'current') &&
      req.viewer.canViewSpace(s),
  );
  const key = (s: FixtureSpace): number | string => (sort.key === 'id' ? Number(s.id) : sort.key === 'key' ? s.key : s.name);
  return v2Page(req, sorted(items, key, sort.desc, (s) => Number(s.id)), spaceBulk);
}

const usersSchema = z.object({ accountIds: z.array(z.string()).min(1).max(250) });

function usersBulk(req: SiteRequest): SiteReply {
  const { accountIds } = parseBody(usersSchema, req.body);
  const found = [...new Set(accountIds)].map((id) => req.state.usersById.get(id)).filter((u): u is FixtureUser => u !== undefined);
  return ok({ results: found.map((u) => v2User(u, req.viewer)), _links: {} });
}

export const v2SpaceUserRoutes: Route[] = [
  { method: 'GET', template: '/wiki/api/v2/spaces', handler: spaces },
  { method: 'POST', template: '/wiki/api/v2/users-bulk', handler: usersBulk },
];
