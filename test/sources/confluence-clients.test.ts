import { commentFeedPage, commentFeedPath } from '../../src/sources/confluence/comments';
import { getContentByIds } from '../../src/sources/confluence/content';
import { cqlSearchPage, cqlSearchPath, getCreationByIds } from '../../src/sources/confluence/cql-search';
import { nextPathFrom } from '../../src/sources/confluence/paging';
import { scriptedClient } from './fake-site-client';

describe('Confluence REST clients', () => {
  it('follows _links.next relative to the wiki base for CQL search', async () => {
    const { client, log } = scriptedClient(
      [
        { body: { results: [{ content: { id: '1', type: 'page' } }, { content: { id: '2', type: 'comment' } }], _links: { next: '/rest/api/search?cursor=abc&cql=x' } } },
        { body: { results: [{ content: { id: '3', type: 'blogpost' } }], _links: {} } },
      ],
      'confluence',
    );
    const first = await cqlSearchPage(client, cqlSearchPath('type in (page, blogpost)'));
    expect(first.hits.map((h) => h.id)).toEqual(['1', '2']);
    expect(first.nextPath).toBe('/wiki/rest/api/search?cursor=abc&cql=x');
    const second = await cqlSearchPage(client, first.nextPath!);
    expect(second.nextPath).toBeUndefined();
    expect(log[0].path).toBe('/wiki/rest/api/search?cql=type%20in%20(page%2C%20blogpost)&limit=50');
  });

  it('takes the next page from the Link header when the body has no link, and absolute links as paths', () => {
    const headers = { get: (n: string) => (n === 'link' ? '</wiki/api/v2/pages?cursor=z>; rel="next"' : null) };
    expect(nextPathFrom(undefined, { status: 200, headers, json: async () => ({}), text: async () => '' })).toBe('/wiki/api/v2/pages?cursor=z');
    expect(nextPathFrom('https://acme.atlassian.net/wiki/api/v2/pages?cursor=q')).toBe('/wiki/api/v2/pages?cursor=q');
  });

  it('asks v2 for up to 250 current pages by id in one call', async () => {
    const ids = Array.from({ length: 260 }, (_, i) => String(i + 1));
    const { client, log } = scriptedClient([{ body: { results: [], _links: {} } }, { body: { results: [], _links: {} } }], 'confluence');
    await getContentByIds(client, 'page', ids);
    expect(log).toHaveLength(2);
    expect(log[0].path).toContain('status=current');
    expect(decodeURIComponent(log[0].path).split('id=')[1].split('&')[0].split(',')).toHaveLength(250);
  });

  it('reads the newest comments first and gets creators of edited comments 50 at a time', async () => {
    const { client, log } = scriptedClient(
      [
        { body: { results: [{ id: 'c1', pageId: 'p', version: { number: 2, authorId: 'editor', createdAt: '2026-11-20T10:00:00.000Z' } }], _links: {} } },
        { body: { results: [{ content: { id: 'c1', history: { createdBy: { accountId: 'creator' }, createdDate: '2026-11-19T10:00:00.000Z' } } }] } },
      ],
      'confluence',
    );
    const page = await commentFeedPage(client, 'footer', commentFeedPath('footer'));
    expect(page.results[0].version.authorId).toBe('editor');
    const made = await getCreationByIds(client, ['c1']);
    expect(made.get('c1')).toEqual({ authorId: 'creator', createdAt: '2026-11-19T10:00:00.000Z' });
    expect(log[0].path).toBe('/wiki/api/v2/footer-comments?limit=250&sort=-created-date');
    expect(decodeURIComponent(log[1].path)).toContain('cql=id in (c1)');
  });
});
