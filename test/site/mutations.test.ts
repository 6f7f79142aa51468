import { createSiteEmulator, type SiteEmulator } from '../../local/site/emulator';
import { parseSiteFixture } from '../../local/site/fixture-schema';
import { smallSite } from './fixtures/small-site';
import { call, type Json } from './helpers';

/** SiteState mutations: the Forge events they return, and that the REST views follow them. */

let emu: SiteEmulator;
beforeEach(async () => {
  emu = await createSiteEmulator({ sites: [smallSite()] });
  emu.site('acme').setNow('2026-11-06T09:00:00.000Z');
});
afterEach(() => emu.close());

const post = async (path: string, body: unknown): Promise<Json> => (await call(emu.baseUrl, 'POST', path, { body })).json;
const get = async (path: string): Promise<{ status: number; body: Json }> => {
  const r = await call(emu.baseUrl, 'GET', path);
  return { status: r.status, body: r.json };
};
const since = Date.parse('2026-11-06T00:00:00.000Z');
const changedSince = async (): Promise<string[]> =>
  (await post('/rest/api/3/search/jql', { jql: `updated >= ${since} ORDER BY key`, fields: ['summary'] })).issues.map((i: Json) => i.key);

describe('Jira mutations', () => {
  it('createIssue emits avi:jira:created:issue and the issue becomes searchable', async () => {
    const ev = emu.site('acme').createIssue({ project: 'ALPHA', summary: 'Fresh', creatorId: 'u-bob', assigneeId: 'u-bob' });
    expect(ev).toMatchObject({ eventType: 'avi:jira:created:issue', atlassianId: 'u-bob', issue: { key: 'ALPHA-3', fields: { summary: 'Fresh', assignee: { accountId: 'u-bob' } } } });
    expect(await changedSince()).toEqual(['ALPHA-3']);
  });

  it('transitionIssue to a done status adds status and resolution history and sets the resolution', async () => {
    const ev = emu.site('acme').transitionIssue('OPEN-1', { authorId: 'u-cara', statusId: '10001' });
    expect(ev.eventType).toBe('avi:jira:updated:issue');
    expect((ev.changelog as Json).items.map((i: Json) => i.fieldId)).toEqual(['status', 'resolution']);
    const issue = (await post('/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: ['OPEN-1'], fields: ['status', 'resolution', 'resolutiondate'] })).issues[0];
    expect(issue.fields.status.name).toBe('Done');
    expect(issue.fields.resolution.name).toBe('Done');
    expect(issue.fields.resolutiondate).toBe('2026-11-06T09:00:00.000+0000');
    const log = await get('/rest/api/3/issue/OPEN-1/changelog');
    expect(log.body.values[0].author.accountId).toBe('u-cara');
  });

  it('comments: add emits commented:issue, edit emits nothing but bumps updated, delete emits deleted:comment', async () => {
    const site = emu.site('acme');
    const added = site.addComment('OPEN-2', { authorId: 'u-bob', text: 'hello' });
    expect(added).toMatchObject({ eventType: 'avi:jira:commented:issue', issue: { key: 'OPEN-2' }, comment: { author: { accountId: 'u-bob' } } });
    const id = (added.comment as Json).id as string;
    expect(site.editComment(id, { authorId: 'u-ada', text: 'edited', at: '2026-11-06T10:00:00.000Z' })).toBeNull();
    const list = await get('/rest/api/3/issue/OPEN-2/comment');
    expect(list.body.comments[0]).toMatchObject({ id, updateAuthor: { accountId: 'u-ada' }, updated: '2026-11-06T10:00:00.000+0000' });
    expect(site.deleteComment(id, 'u-ada')).toMatchObject({ eventType: 'avi:jira:deleted:comment', comment: { id } });
    expect((await get('/rest/api/3/issue/OPEN-2/comment')).body.total).toBe(0);
    expect(await changedSince()).toEqual(['OPEN-2']);
  });

  it('worklogs: add/edit/delete emit worklog events and feed the updated/deleted feeds', async () => {
    const site = emu.site('acme');
    const created = site.addWorklog('OPEN-3', { authorId: 'u-ada', started: '2026-11-05T09:00:00.000+0100', timeSpentSeconds: 1800, at: '2026-11-06T08:00:00.000Z' });
    const id = (created.worklog as Json).id as string;
    expect(created).toMatchObject({ eventType: 'avi:jira:created:worklog', worklog: { issueId: '10105', started: '2026-11-05T08:00:00.000+0000' } });
    expect(site.editWorklog(id, { authorId: 'u-ada', timeSpentSeconds: 3600, at: '2026-11-06T08:10:00.000Z' }).eventType).toBe('avi:jira:updated:worklog');
    const upd = await get(`/rest/api/3/worklog/updated?since=${since}`);
    expect(upd.body.values).toEqual([{ worklogId: Number(id), updatedTime: Date.parse('2026-11-06T08:10:00.000Z'), properties: [] }]);
    expect(site.deleteWorklog(id, 'u-ada', '2026-11-06T08:20:00.000Z').eventType).toBe('avi:jira:deleted:worklog');
    expect((await get(`/rest/api/3/worklog/updated?since=${since}`)).body.values).toEqual([]);
    expect((await get(`/rest/api/3/worklog/deleted?since=${since}`)).body.values.map((v: Json) => v.worklogId)).toEqual([Number(id)]);
  });

  it('deleteIssue emits deleted:issue and the issue disappears everywhere', async () => {
    const ev = emu.site('acme').deleteIssue('ALPHA-1', 'u-ada');
    expect(ev).toMatchObject({ eventType: 'avi:jira:deleted:issue', issue: { id: '10100' } });
    expect((await get('/rest/api/3/issue/ALPHA-1/comment')).status).toBe(404);
    expect((await post('/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: ['ALPHA-1'] })).issues).toEqual([]);
    expect((await post('/rest/api/3/comment/list', { ids: [40000] })).values).toEqual([]);
    expect((await post('/rest/api/3/changelog/bulkfetch', { issueIdsOrKeys: ['10100'] })).issueChangeLogs).toEqual([]);
  });
});

describe('Confluence mutations', () => {
  it('createContent and addContentVersion emit created/updated events and show in v2 and CQL', async () => {
    const site = emu.site('acme');
    const created = site.createContent({ type: 'blogpost', space: 'ENG', title: 'Weekly', authorId: 'u-bob' });
    expect(created).toMatchObject({ eventType: 'avi:confluence:created:blogpost', atlassianId: 'u-bob', content: { type: 'blogpost', space: { key: 'ENG' } } });
    const id = (created.content as Json).id as string;
    const updated = site.addContentVersion(id, { authorId: 'u-eve', message: 'more', at: '2026-11-06T09:30:00.000Z' });
    expect(updated).toMatchObject({ eventType: 'avi:confluence:updated:blogpost', content: { version: { number: 2, by: { accountId: 'u-eve' } } } });
    expect((await get(`/wiki/api/v2/blogposts/${id}/versions`)).body.results.map((v: Json) => v.number)).toEqual([2, 1]);
    const cql = await get(`/wiki/rest/api/search?cql=${encodeURIComponent('contributor = u-eve AND lastmodified >= "2026-11-06"')}`);
    expect(cql.body.results.map((r: Json) => r.content.id)).toEqual([id]);
  });

  it('comment events carry the container; deleting hides the comment', async () => {
    const site = emu.site('acme');
    const ev = site.addContentComment('70002', { authorId: 'u-bob', parentCommentId: '80005' });
    expect(ev).toMatchObject({ eventType: 'avi:confluence:created:comment', content: { type: 'comment', container: { id: '70002', type: 'blogpost' } } });
    const id = (ev.content as Json).id as string;
    expect(site.editContentComment(id, { authorId: 'u-bob' }).eventType).toBe('avi:confluence:updated:comment');
    expect((await get('/wiki/api/v2/footer-comments')).body.results.find((c: Json) => c.id === id)).toMatchObject({ parentCommentId: '80005', version: { number: 2 } });
    expect(site.deleteContentComment(id, 'u-bob').eventType).toBe('avi:confluence:deleted:comment');
    expect((await get('/wiki/api/v2/footer-comments')).body.results.map((c: Json) => c.id)).not.toContain(id);
  });

  it('trash and delete return their events (not subscribable by a read-only app) and hide the page', async () => {
    const site = emu.site('acme');
    expect(site.trashContent('70005', 'u-ada').eventType).toBe('avi:confluence:trashed:page');
    expect((await get('/wiki/api/v2/pages/70005')).status).toBe(404);
    expect(site.deleteContent('70001', 'u-ada').eventType).toBe('avi:confluence:deleted:page');
    expect((await get('/wiki/api/v2/pages')).body.results.map((p: Json) => p.id)).toEqual(['70003']);
    expect(() => site.addContentVersion('70001', { authorId: 'u-ada' })).toThrow(/no page or blog post/);
  });
});

describe('state', () => {
  it('fixture returns a copy of the current state', () => {
    const site = emu.site('acme');
    site.addComment('OPEN-1', { authorId: 'u-ada' });
    const snapshot = site.fixture;
    expect(snapshot.issues.find((i) => i.key === 'OPEN-1')?.comments).toHaveLength(1);
    snapshot.issues.length = 0;
    expect(site.fixture.issues.length).toBeGreaterThan(0);
  });

  it('stays a valid fixture after every kind of change', () => {
    const site = emu.site('acme');
    const issue = site.createIssue({ project: 'BETA', summary: 'x', creatorId: 'u-cara' });
    const key = (issue.issue as Json).key as string;
    site.transitionIssue(key, { authorId: null, statusId: '3' });
    const c = site.addComment(key, { authorId: 'u-cara' });
    site.deleteComment((c.comment as Json).id, 'u-cara');
    site.addWorklog(key, { authorId: 'u-cara', started: '2026-11-06T08:00:00.000+0530', timeSpentSeconds: 900 });
    const page = site.createContent({ type: 'page', space: 'SEC', title: 'New', authorId: 'u-ada', parentId: '70003' });
    site.addContentComment((page.content as Json).id, { authorId: 'u-ada', location: 'inline' });
    site.deleteIssue(key, 'u-ada');
    expect(() => parseSiteFixture(site.fixture)).not.toThrow();
  });

  it('mutations refuse unknown targets with a clear error', () => {
    const site = emu.site('acme');
    expect(() => site.addComment('NOPE-1', { authorId: 'u-ada' })).toThrow(/no live issue NOPE-1/);
    expect(() => site.deleteWorklog('999', 'u-ada')).toThrow(/no live worklog 999/);
    expect(() => site.createIssue({ project: 'ZZZ', summary: 'x', creatorId: 'u-ada' })).toThrow(/no project ZZZ/);
  });
});
