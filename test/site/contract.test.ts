import { createSiteEmulator, type SiteEmulator } from '../../local/site/emulator';
import { allRoutes } from '../../local/site/routes';
import { smallSite } from './fixtures/small-site';
import Ajv from 'ajv';
import { convert, OpenApiContracts } from './openapi';
import { call, type Auth } from './helpers';

/**
 * Every endpoint the emulator serves, called over HTTP against the small fixture, its body
 * validated against the operation's response schema in the official OpenAPI documents.
 */

interface Case {
  method: 'GET' | 'POST';
  template: string;
  path: string;
  body?: unknown;
  auth?: Auth;
  status?: number;
}

const cql = encodeURIComponent('type in (page,blogpost,comment) AND space = ENG AND lastmodified >= "2026-11-01" ORDER BY lastmodified DESC');

const CASES: Case[] = [
  { method: 'GET', template: '/rest/api/3/myself', path: '/rest/api/3/myself', auth: { token: ['bob@acme.test', 'tok-bob'] } },
  { method: 'GET', template: '/rest/api/3/myself', path: '/rest/api/3/myself?expand=groups' },
  { method: 'GET', template: '/rest/api/3/search/jql', path: `/rest/api/3/search/jql?jql=${encodeURIComponent('project = OPEN ORDER BY key')}&maxResults=2` },
  { method: 'GET', template: '/rest/api/3/search/jql', path: `/rest/api/3/search/jql?jql=${encodeURIComponent('project in (ALPHA, BETA)')}&fields=*all&expand=changelog` },
  { method: 'POST', template: '/rest/api/3/search/jql', path: '/rest/api/3/search/jql', body: { jql: 'updated >= 0', fields: ['summary', 'status', 'assignee', 'creator', 'resolution', 'resolutiondate', 'comment', 'worklog', 'project', 'issuetype'], maxResults: 3 } },
  { method: 'POST', template: '/rest/api/3/search/approximate-count', path: '/rest/api/3/search/approximate-count', body: { jql: 'project = OPEN' } },
  { method: 'POST', template: '/rest/api/3/issue/bulkfetch', path: '/rest/api/3/issue/bulkfetch', body: { issueIdsOrKeys: ['ALPHA-1', '10101', 'BETA-1', 'NOPE-1'], expand: ['changelog'] } },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}', path: '/rest/api/3/issue/ALPHA-1?expand=changelog' },
  { method: 'POST', template: '/rest/api/3/changelog/bulkfetch', path: '/rest/api/3/changelog/bulkfetch', body: { issueIdsOrKeys: ['ALPHA-1', 'ALPHA-2'], maxResults: 10 } },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/changelog', path: '/rest/api/3/issue/ALPHA-2/changelog?maxResults=10' },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/comment', path: '/rest/api/3/issue/ALPHA-1/comment?orderBy=-created' },
  { method: 'POST', template: '/rest/api/3/comment/list', path: '/rest/api/3/comment/list', body: { ids: [40000, 40001, 40003] } },
  { method: 'GET', template: '/rest/api/3/worklog/updated', path: '/rest/api/3/worklog/updated?since=0' },
  { method: 'GET', template: '/rest/api/3/worklog/deleted', path: '/rest/api/3/worklog/deleted?since=0' },
  { method: 'POST', template: '/rest/api/3/worklog/list', path: '/rest/api/3/worklog/list', body: { ids: [50000, 50002] } },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/worklog', path: '/rest/api/3/issue/ALPHA-1/worklog' },
  { method: 'GET', template: '/rest/api/3/user/search', path: '/rest/api/3/user/search?query=b' },
  { method: 'GET', template: '/rest/api/3/user', path: '/rest/api/3/user?accountId=u-ada&expand=groups' },
  { method: 'GET', template: '/rest/api/3/user/bulk', path: '/rest/api/3/user/bulk?accountId=u-ada&accountId=u-bob&maxResults=1' },
  { method: 'GET', template: '/rest/api/3/user/groups', path: '/rest/api/3/user/groups?accountId=u-ada' },
  { method: 'GET', template: '/rest/api/3/group/member', path: '/rest/api/3/group/member?groupname=jira-users&maxResults=2' },
  { method: 'GET', template: '/rest/api/3/groups/picker', path: '/rest/api/3/groups/picker?query=team' },
  { method: 'POST', template: '/rest/api/3/permissions/check', path: '/rest/api/3/permissions/check', body: { accountId: 'u-bob', globalPermissions: ['ADMINISTER'], projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: [10000, 10001], issues: [10100] }] } },
  { method: 'GET', template: '/rest/api/3/mypermissions', path: '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,ADMINISTER&projectKey=ALPHA', auth: { token: ['ada@acme.test', 'tok-ada'] } },
  { method: 'GET', template: '/rest/api/3/mypermissions', path: '/rest/api/3/mypermissions', status: 400 },
  { method: 'GET', template: '/rest/api/3/project/search', path: '/rest/api/3/project/search?maxResults=2' },
  { method: 'GET', template: '/rest/api/3/status', path: '/rest/api/3/status' },
  { method: 'GET', template: '/rest/api/3/serverInfo', path: '/rest/api/3/serverInfo' },
  { method: 'GET', template: '/wiki/rest/api/user/current', path: '/wiki/rest/api/user/current', auth: { token: ['eve@acme.test', 'tok-eve'] } },
  { method: 'GET', template: '/wiki/rest/api/search', path: `/wiki/rest/api/search?cql=${cql}&limit=3&expand=content.version,content.space,content.history,content.container` },
  { method: 'GET', template: '/wiki/rest/api/search', path: `/wiki/rest/api/search?cql=${cql}&expand=content.restrictions.read.restrictions.user,content.restrictions.read.restrictions.group,content.ancestors` },
  { method: 'POST', template: '/wiki/api/v2/content/convert-ids-to-types', path: '/wiki/api/v2/content/convert-ids-to-types', body: { contentIds: ['70001', 70002, '80001', '99999'] } },
  { method: 'POST', template: '/wiki/rest/api/content/{id}/permission/check', path: '/wiki/rest/api/content/70001/permission/check', body: { subject: { type: 'user', identifier: 'u-bob' }, operation: 'read' } },
  { method: 'GET', template: '/wiki/api/v2/pages', path: '/wiki/api/v2/pages?limit=2&sort=-modified-date' },
  { method: 'GET', template: '/wiki/api/v2/blogposts', path: '/wiki/api/v2/blogposts?space-id=65537' },
  { method: 'GET', template: '/wiki/api/v2/pages/{id}', path: '/wiki/api/v2/pages/70005' },
  { method: 'GET', template: '/wiki/api/v2/blogposts/{id}', path: '/wiki/api/v2/blogposts/70002' },
  { method: 'GET', template: '/wiki/api/v2/pages/{id}/versions', path: '/wiki/api/v2/pages/70001/versions?limit=2' },
  { method: 'GET', template: '/wiki/api/v2/blogposts/{id}/versions', path: '/wiki/api/v2/blogposts/70002/versions' },
  { method: 'GET', template: '/wiki/api/v2/footer-comments', path: '/wiki/api/v2/footer-comments?sort=-modified-date' },
  { method: 'GET', template: '/wiki/api/v2/inline-comments', path: '/wiki/api/v2/inline-comments' },
  { method: 'GET', template: '/wiki/api/v2/pages/{id}/footer-comments', path: '/wiki/api/v2/pages/70001/footer-comments' },
  { method: 'GET', template: '/wiki/api/v2/pages/{id}/inline-comments', path: '/wiki/api/v2/pages/70001/inline-comments' },
  { method: 'GET', template: '/wiki/api/v2/blogposts/{id}/footer-comments', path: '/wiki/api/v2/blogposts/70002/footer-comments' },
  { method: 'GET', template: '/wiki/api/v2/blogposts/{id}/inline-comments', path: '/wiki/api/v2/blogposts/70002/inline-comments' },
  { method: 'GET', template: '/wiki/api/v2/footer-comments/{comment-id}', path: '/wiki/api/v2/footer-comments/80002' },
  { method: 'GET', template: '/wiki/api/v2/inline-comments/{comment-id}', path: '/wiki/api/v2/inline-comments/80003' },
  { method: 'GET', template: '/wiki/api/v2/footer-comments/{id}/versions', path: '/wiki/api/v2/footer-comments/80001/versions' },
  { method: 'GET', template: '/wiki/api/v2/inline-comments/{id}/versions', path: '/wiki/api/v2/inline-comments/80003/versions?sort=modified-date' },
  { method: 'GET', template: '/wiki/api/v2/footer-comments/{id}/children', path: '/wiki/api/v2/footer-comments/80001/children' },
  { method: 'GET', template: '/wiki/api/v2/inline-comments/{id}/children', path: '/wiki/api/v2/inline-comments/80003/children' },
  { method: 'GET', template: '/wiki/api/v2/spaces', path: '/wiki/api/v2/spaces?keys=ENG,SEC' },
  { method: 'POST', template: '/wiki/api/v2/users-bulk', path: '/wiki/api/v2/users-bulk', body: { accountIds: ['u-ada', 'u-bob', 'u-bot', 'u-dan'] } },
];

/** Served but with no JSON body documented for the status they answer (410 Gone). */
const NO_DOCUMENTED_BODY = new Set(['GET /rest/api/3/search', 'POST /rest/api/3/search']);

let emu: SiteEmulator;
const contracts = new OpenApiContracts();

beforeAll(async () => {
  emu = await createSiteEmulator({ sites: [smallSite()] });
  emu.site('acme').setNow('2026-11-05T12:00:00.000Z');
});
afterAll(() => emu.close());

describe('responses conform to the official OpenAPI documents', () => {
  it.each(CASES.map((c) => [`${c.method} ${c.path}`, c] as const))('%s', async (_name, c) => {
    const res = await call(emu.baseUrl, c.method, c.path, { body: c.body, auth: c.auth });
    expect(res.status).toBe(c.status ?? 200);
    expect(contracts.check(c.template, c.method, res.status, res.json)).toEqual([]);
  });

  it('has a contract case for every endpoint the emulator serves', () => {
    const served = allRoutes.map((r) => `${r.method} ${r.template}`).filter((k) => !NO_DOCUMENTED_BODY.has(k));
    const covered = new Set(CASES.map((c) => `${c.method} ${c.template}`));
    expect(served.filter((k) => !covered.has(k))).toEqual([]);
  });

  it('non-empty cases really exercise the payload (no vacuous passes)', async () => {
    const empty: string[] = [];
    for (const c of CASES.filter((x) => (x.status ?? 200) === 200)) {
      const res = await call(emu.baseUrl, c.method, c.path, { body: c.body, auth: c.auth });
      const b = res.json as Record<string, unknown> | unknown[];
      const list = Array.isArray(b) ? b : (b.issues ?? b.values ?? b.results ?? b.comments ?? b.worklogs ?? b.issueChangeLogs ?? b.groups);
      if (Array.isArray(list) && list.length === 0) empty.push(c.path);
    }
    expect(empty).toEqual([]);
  });
});

describe('the validator notices drift', () => {
  it('rejects an unknown property where the spec forbids extras, and a wrong type', async () => {
    const res = await call(emu.baseUrl, 'POST', '/rest/api/3/search/jql', { body: { jql: 'project = OPEN', fields: ['summary'] } });
    const body = structuredClone(res.json) as { issues: Array<Record<string, unknown>>; isLast: unknown };
    expect(contracts.check('/rest/api/3/search/jql', 'POST', 200, body)).toEqual([]);
    body.issues[0].total = 3;
    body.isLast = 'true';
    const errors = contracts.check('/rest/api/3/search/jql', 'POST', 200, body);
    expect(errors.join('\n')).toMatch(/additional properties/);
    expect(errors.join('\n')).toMatch(/isLast must be boolean/);
  });

  it('rejects a missing required field and a bad enum value', async () => {
    const res = await call(emu.baseUrl, 'GET', `/wiki/rest/api/search?cql=${cql}`);
    const body = structuredClone(res.json) as { results: Array<Record<string, unknown>> };
    delete body.results[0].breadcrumbs;
    expect(contracts.check('/wiki/rest/api/search', 'GET', 200, body).join('\n')).toMatch(/breadcrumbs/);
    const pages = structuredClone((await call(emu.baseUrl, 'GET', '/wiki/api/v2/pages')).json) as { results: Array<Record<string, unknown>> };
    pages.results[0].status = 'published';
    expect(contracts.check('/wiki/api/v2/pages', 'GET', 200, pages).join('\n')).toMatch(/allowed values/);
  });

  it('turns nullable into a null alternative and forbids writeOnly properties in responses', () => {
    const schema = convert({
      type: 'object',
      required: ['a', 'secret'],
      properties: { a: { type: 'string', nullable: true }, b: { $ref: '#/components/schemas/X' }, secret: { type: 'string', writeOnly: true } },
    }, 'jira') as Record<string, unknown>;
    expect(schema).toEqual({
      type: 'object',
      required: ['a'],
      properties: { a: { type: ['string', 'null'] }, b: { $ref: 'jira#/$defs/X' }, secret: false },
    });
    const validate = new Ajv({ strict: false }).compile({ ...schema, properties: { ...(schema.properties as object), b: {} } });
    expect(validate({ a: null })).toBe(true);
    expect(validate({ a: null, secret: 'x' })).toBe(false);
  });

  it('rejects a Jira date that is not a date-time', async () => {
    const res = await call(emu.baseUrl, 'GET', '/rest/api/3/issue/ALPHA-1/comment');
    const body = structuredClone(res.json) as { comments: Array<Record<string, unknown>> };
    body.comments[0].created = 'yesterday';
    expect(contracts.check('/rest/api/3/issue/{issueIdOrKey}/comment', 'GET', 200, body).join('\n')).toMatch(/date-time/);
  });
});
