import type { Route } from '../router';
import { ok, type SiteRequest } from '../http-types';
import { intParam, listParam } from '../paging';
import { statusBean } from './render-issue';
import { pageBean } from './issue-access';

/** GET /rest/api/3/project/search, /status and /serverInfo. */

function projects(req: SiteRequest): ReturnType<typeof ok> {
  const startAt = intParam(req.query, 'startAt', 0, 0);
  const maxResults = intParam(req.query, 'maxResults', 50, 1, 100);
  const keys = new Set(listParam(req.query, 'keys').map((k) => k.toUpperCase()));
  const ids = new Set(listParam(req.query, 'id'));
  const query = (req.query.get('query') ?? '').toLowerCase();
  const all = req.state.raw.projects
    .filter((p) => req.viewer.canBrowseProject(p))
    .filter((p) => (keys.size === 0 || keys.has(p.key)) && (ids.size === 0 || ids.has(p.id)))
    .filter((p) => query === '' || p.key.toLowerCase().includes(query) || p.name.toLowerCase().includes(query))
    .sort((a, b) => a.key.localeCompare(b.key));
  const self = `${req.siteUrl}/rest/api/3/project/search?startAt=${startAt}&maxResults=${maxResults}`;
  const { values, bean } = pageBean(all, startAt, maxResults, self);
  return ok({
    ...bean,
    values: values.map((p) => ({
      self: `${req.siteUrl}/rest/api/3/project/${p.id}`,
      id: p.id,
      key: p.key,
      name: p.name,
      avatarUrls: {
        '48x48': `${req.siteUrl}/rest/api/3/universal_avatar/view/type/project/avatar/10400`,
        '24x24': `${req.siteUrl}/rest/api/3/universal_avatar/view/type/project/avatar/10400?size=small`,
        '16x16': `${req.siteUrl}/rest/api/3/universal_avatar/view/type/project/avatar/10400?size=xsmall`,
        '32x32': `${req.siteUrl}/rest/api/3/universal_avatar/view/type/project/avatar/10400?size=medium`,
      },
      projectTypeKey: 'software',
      simplified: false,
      style: 'classic',
      isPrivate: false,
      properties: {},
    })),
  });
}

export const catalogRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/project/search', handler: projects },
  { method: 'GET', template: '/rest/api/3/status', handler: (req) => ok(req.state.raw.statuses.map((s) => statusBean(s, req.siteUrl))) },
  {
    method: 'GET',
    template: '/rest/api/3/serverInfo',
    handler: (req) =>
      ok({
        baseUrl: req.siteUrl,
        displayUrl: req.siteUrl,
        version: '1001.0.0-SNAPSHOT',
        versionNumbers: [1001, 0, 0],
        deploymentType: 'Cloud',
        buildNumber: 100289,
        buildDate: '2026-01-01T00:00:00.000+0000',
        serverTime: new Date(req.state.now()).toISOString().replace('Z', '+0000'),
        scmInfo: 'local-emulator',
        serverTitle: 'Jira',
      }),
  },
];
