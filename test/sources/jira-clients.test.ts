import { bulkfetchChangelogs, fetchAllChangelogs } from '../../src/sources/jira/bulkfetch-changelogs';
import { bulkfetchIssues } from '../../src/sources/jira/bulkfetch-issues';
import { fetchAllIssueComments } from '../../src/sources/jira/get-issue-comments';
import { issueChangelogPages } from '../../src/sources/jira/get-issue-changelog';
import { listComments } from '../../src/sources/jira/list-comments';
import { searchIssueIdPages } from '../../src/sources/jira/search-jql';
import { listWorklogs, worklogFeedPage } from '../../src/sources/jira/worklog-feeds';
import { AuthError, ForbiddenError, NotFoundError, RequestError, SchemaError } from '../../src/sources/errors';
import { scriptedClient } from './fake-site-client';

describe('Jira REST clients', () => {
  it('pages issue ids by token with fields=id at the largest page size, never by counts', async () => {
    const { client, log } = scriptedClient([
      { body: { issues: [{ id: '1' }, { id: '2' }], nextPageToken: 't2', isLast: false } },
      { body: { issues: [{ id: '3' }], isLast: true } },
    ]);
    const pages: string[][] = [];
    for await (const p of searchIssueIdPages(client, 'updated >= 1 ORDER BY created ASC')) pages.push(p.ids);
    expect(pages).toEqual([['1', '2'], ['3']]);
    expect(log.map((r) => r.path)).toEqual(['/rest/api/3/search/jql', '/rest/api/3/search/jql']);
    expect(log[0].body).toEqual({ jql: 'updated >= 1 ORDER BY created ASC', fields: ['id'], maxResults: 5000 });
    expect(log[1].body).toMatchObject({ nextPageToken: 't2' });
  });

  it('bulk-fetches up to 100 issues and refuses more without calling the site', async () => {
    const { client, log } = scriptedClient([
      { body: { issues: [{ id: '10', key: 'A-1', fields: { summary: 's', project: { id: 'p', key: 'A', name: 'Alpha' }, created: '2026-11-01T10:00:00.000+0000' } }], issueErrors: [] } },
    ]);
    const issues = await bulkfetchIssues(client, ['10', '11']);
    expect(issues.map((i) => i.key)).toEqual(['A-1']);
    expect(log[0]).toMatchObject({ method: 'POST', path: '/rest/api/3/issue/bulkfetch', body: { issueIdsOrKeys: ['10', '11'] } });
    await expect(bulkfetchIssues(client, Array.from({ length: 101 }, (_, i) => String(i)))).rejects.toThrow(RangeError);
    expect(log).toHaveLength(1);
  });

  it('follows changelog/bulkfetch tokens and groups histories by issue', async () => {
    const h = (id: string) => ({ id, created: '2026-11-01T10:00:00.000+0000', author: { accountId: 'u' }, items: [] });
    const { client, log } = scriptedClient([
      { body: { issueChangeLogs: [{ issueId: '1', changeHistories: [h('a')] }], nextPageToken: 'n' } },
      { body: { issueChangeLogs: [{ issueId: '1', changeHistories: [h('b')] }, { issueId: '2', changeHistories: [h('c')] }], nextPageToken: null } },
    ]);
    const all = await fetchAllChangelogs(client, ['1', '2']);
    expect([...all.entries()].map(([k, v]) => [k, v.map((x) => x.id)])).toEqual([['1', ['a', 'b']], ['2', ['c']]]);
    expect(log[0].body).toEqual({ issueIdsOrKeys: ['1', '2'], maxResults: 10000 });
    expect(log[1].body).toMatchObject({ nextPageToken: 'n' });
    await expect(bulkfetchChangelogs(client, Array.from({ length: 1001 }, (_, i) => String(i)))).rejects.toThrow(RangeError);
  });

  it('reads an overflowing issue comment list by offset until total', async () => {
    const c = (id: string) => ({ id, created: '2026-11-01T10:00:00.000+0000', author: { accountId: 'u' } });
    const { client, log } = scriptedClient([
      { body: { comments: [c('1'), c('2')], startAt: 0, total: 3 } },
      { body: { comments: [c('3')], startAt: 2, total: 3 } },
    ]);
    expect((await fetchAllIssueComments(client, '10')).map((x) => x.id)).toEqual(['1', '2', '3']);
    expect(log.map((r) => r.path)).toEqual([
      '/rest/api/3/issue/10/comment?startAt=0&maxResults=100&orderBy=%2Bcreated',
      '/rest/api/3/issue/10/comment?startAt=2&maxResults=100&orderBy=%2Bcreated',
    ]);
  });

  it('reads the worklog feed by epoch ms and lists worklogs by numeric id', async () => {
    const { client, log } = scriptedClient([
      { body: { values: [{ worklogId: 5, updatedTime: 1700 }, { worklogId: 6, updatedTime: 1800 }], since: 1000, until: 1800, lastPage: false } },
      { body: [{ id: '5', issueId: '10', started: '2026-11-02T09:00:00.000-0500', timeSpentSeconds: 60, author: { accountId: 'u' } }] },
    ]);
    const page = await worklogFeedPage(client, 'updated', 1000);
    expect(page).toEqual({ ids: ['5', '6'], until: 1800, lastPage: false });
    await listWorklogs(client, page.ids);
    expect(log[0].path).toBe('/rest/api/3/worklog/updated?since=1000');
    expect(log[1].body).toEqual({ ids: [5, 6] });
  });

  it('maps statuses to typed errors once, and schema errors name paths, never values', async () => {
    const { client } = scriptedClient([{ status: 401 }, { status: 403 }, { status: 404 }, { status: 410 }, { body: { issues: [{ id: 7, key: 'SECRET-VALUE' }] } }]);
    await expect(bulkfetchIssues(client, ['1'])).rejects.toBeInstanceOf(AuthError);
    await expect(bulkfetchIssues(client, ['1'])).rejects.toBeInstanceOf(ForbiddenError);
    await expect(bulkfetchIssues(client, ['1'])).rejects.toBeInstanceOf(NotFoundError);
    await expect(bulkfetchIssues(client, ['1'])).rejects.toBeInstanceOf(RequestError);
    const err = await bulkfetchIssues(client, ['1']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SchemaError);
    expect((err as SchemaError).paths).toEqual(expect.arrayContaining(['issues.0.id', 'issues.0.fields']));
    expect((err as Error).message).not.toContain('SECRET-VALUE');
  });

  it('reads one issue changelog by offset until isLast, and comments by id in one call', async () => {
    const h = (id: string) => ({ id, created: '2026-11-01T10:00:00.000+0000', items: [] });
    const { client, log } = scriptedClient([
      { body: { values: [h('1'), h('2')], startAt: 0, total: 3, isLast: false } },
      { body: { values: [h('3')], startAt: 2, total: 3, isLast: true } },
      { body: { values: [{ id: '9', created: '2026-11-01T10:00:00.000+0000' }], isLast: true } },
    ]);
    const seen: string[] = [];
    for await (const page of issueChangelogPages(client, 'A-1')) seen.push(...page.map((x) => x.id));
    expect(seen).toEqual(['1', '2', '3']);
    expect(log[1].path).toBe('/rest/api/3/issue/A-1/changelog?startAt=2&maxResults=100');
    expect((await listComments(client, ['9'])).map((c) => c.id)).toEqual(['9']);
    expect(log[2]).toMatchObject({ method: 'POST', path: '/rest/api/3/comment/list', body: { ids: [9] } });
  });
});
