import { createSiteEmulator, type SiteEmulator } from '../../local/site/emulator';
import { smallSite } from './fixtures/small-site';
import { APP, asUser, call, type Auth, type Json } from './helpers';

/** Confluence: v2 cursor paging (Link header and _links.next), statuses, versions, comments, CQL. */

let emu: SiteEmulator;
beforeEach(async () => {
  emu = await createSiteEmulator({ sites: [smallSite()] });
});
afterEach(() => emu.close());

const get = async (path: string, auth: Auth = APP): Promise<{ status: number; body: Json; link?: string }> => {
  const r = await call(emu.baseUrl, 'GET', path, { auth });
  return { status: r.status, body: r.json, link: r.headers.link as string | undefined };
};

/** Follows the Link header (or _links.next) to the end, collecting result ids. */
async function walk(first: string, via: 'link' | 'body'): Promise<string[]> {
  const ids: string[] = [];
  let path: string | undefined = first;
  while (path) {
    const r = await get(path);
    expect(r.status).toBe(200);
    ids.push(...r.body.results.map((x: Json) => x.id ?? x.number));
    const fromLink = r.link ? /<([^>]+)>;\s*rel="next"/.exec(r.link)?.[1] : undefined;
    expect(fromLink).toBe(r.body._links.next);
    path = via === 'link' ? fromLink : r.body._links.next;
  }
  return ids;
}

describe('v2 pages and blog posts', () => {
  it('pages with a cursor through the Link header and _links.next alike', async () => {
    expect(await walk('/wiki/api/v2/pages?limit=1', 'link')).toEqual(['70001', '70003', '70005']);
    expect(await walk('/wiki/api/v2/pages?limit=2&sort=-modified-date', 'body')).toEqual(['70005', '70001', '70003']);
  });

  it('filters by id and space, and validates limit, sort and cursor', async () => {
    expect((await get('/wiki/api/v2/pages?id=70001,70005')).body.results.map((p: Json) => p.id)).toEqual(['70001', '70005']);
    expect((await get('/wiki/api/v2/blogposts?space-id=65538')).body.results).toEqual([]);
    expect((await get('/wiki/api/v2/pages?limit=251')).status).toBe(400);
    expect((await get('/wiki/api/v2/pages?sort=author')).status).toBe(400);
    // The documents define both limits: the request check names them before the handler runs.
    expect(emu.takeViolations().map((v) => v.violations.join())).toEqual([expect.stringMatching(/limit must be <= 250/), expect.stringMatching(/sort must be equal to one of the allowed values/)]);
    const first = await get('/wiki/api/v2/pages?limit=1');
    const cursor = new URL(first.body._links.next, 'https://x').searchParams.get('cursor') ?? '';
    expect((await get(`/wiki/api/v2/blogposts?limit=1&cursor=${encodeURIComponent(cursor)}`)).status).toBe(400);
  });

  it('hides trashed content unless asked for by status, and deleted content always', async () => {
    const site = emu.site('acme');
    expect((await get('/wiki/api/v2/pages')).body.results.map((p: Json) => p.id)).not.toContain('70004');
    expect((await get('/wiki/api/v2/pages?status=trashed')).body.results.map((p: Json) => p.id)).toEqual(['70004']);
    expect((await get('/wiki/api/v2/pages/70004')).status).toBe(404);
    expect((await get('/wiki/api/v2/pages/70004?status=trashed')).status).toBe(200);
    site.deleteContent('70005', 'u-ada');
    expect((await get('/wiki/api/v2/pages/70005')).status).toBe(404);
    expect((await get('/wiki/api/v2/pages?status=deleted,trashed')).body.results.map((p: Json) => p.id)).toEqual(['70004']);
  });

  it('serves one page at its latest or a given version; wrong type is 404', async () => {
    const latest = await get('/wiki/api/v2/pages/70001');
    expect(latest.body.version).toMatchObject({ number: 3, authorId: 'u-eve' });
    expect(latest.body.authorId).toBe('u-ada');
    expect(latest.body._links.base).toBe('https://acme.atlassian.net/wiki');
    expect((await get('/wiki/api/v2/pages/70001?version=2')).body.version).toMatchObject({ number: 2, message: 'fix typo', minorEdit: true });
    expect((await get('/wiki/api/v2/blogposts/70001')).status).toBe(404);
    expect((await get('/wiki/api/v2/pages/70005')).body.parentId).toBe('70001');
  });

  it('lists versions newest first by default and oldest first on request', async () => {
    expect(await walk('/wiki/api/v2/pages/70001/versions?limit=2', 'link')).toEqual([3, 2, 1]);
    expect((await get('/wiki/api/v2/pages/70001/versions?sort=modified-date')).body.results.map((v: Json) => v.number)).toEqual([1, 2, 3]);
  });
});

describe('v2 comments', () => {
  it('site-wide feeds include replies with parentCommentId and skip deleted comments', async () => {
    const footer = (await get('/wiki/api/v2/footer-comments')).body.results;
    expect(footer.map((c: Json) => c.id)).toEqual(['80001', '80002', '80005']);
    expect(footer[1]).toMatchObject({ parentCommentId: '80001', pageId: '70001' });
    expect(footer[2]).toMatchObject({ blogPostId: '70002' });
    const inline = (await get('/wiki/api/v2/inline-comments?sort=-modified-date')).body.results;
    expect(inline.map((c: Json) => c.id)).toEqual(['80006', '80007', '80003']);
    expect(inline[1].parentCommentId).toBe('80003');
    expect(inline[2].version).toMatchObject({ number: 2, authorId: 'u-eve' });
  });

  it('per-page lists hold root comments only; trashed pages have none to show', async () => {
    expect((await get('/wiki/api/v2/pages/70001/footer-comments')).body.results.map((c: Json) => c.id)).toEqual(['80001']);
    expect((await get('/wiki/api/v2/pages/70001/inline-comments')).body.results.map((c: Json) => c.id)).toEqual(['80003']);
    emu.site('acme').trashContent('70001', 'u-ada');
    expect((await get('/wiki/api/v2/pages/70001/footer-comments')).status).toBe(404);
    expect((await get('/wiki/api/v2/footer-comments')).body.results.map((c: Json) => c.id)).toEqual(['80005']);
  });
});

describe('v2 single comments', () => {
  it('serves a comment, its versions (creator = version 1 author) and its replies', async () => {
    expect((await get('/wiki/api/v2/inline-comments/80003')).body).toMatchObject({ id: '80003', pageId: '70001', version: { number: 2 } });
    expect((await get('/wiki/api/v2/inline-comments/80003/versions?sort=modified-date&limit=1')).body.results).toEqual([
      expect.objectContaining({ number: 1, authorId: 'u-eve', createdAt: '2026-11-02T11:00:00.000Z' }),
    ]);
    expect((await get('/wiki/api/v2/footer-comments/80001/children')).body.results).toEqual([expect.objectContaining({ id: '80002', parentCommentId: '80001' })]);
    expect((await get('/wiki/api/v2/footer-comments/80003')).status).toBe(404);
    expect((await get('/wiki/api/v2/footer-comments/80004')).status).toBe(404);
  });
});

describe('CQL search', () => {
  const search = (cql: string, extra = '', auth: Auth = APP) => get(`/wiki/rest/api/search?cql=${encodeURIComponent(cql)}${extra}`, auth);

  it('pages only through _links.next (relative to the wiki base)', async () => {
    const ids: string[] = [];
    let r = await search('space = ENG AND type in (page, blogpost, comment) ORDER BY created ASC', '&limit=2');
    ids.push(...r.body.results.map((x: Json) => x.content.id));
    expect(r.body.totalSize).toBe(9);
    while (r.body._links.next) {
      expect(r.body._links.next).toMatch(/^\/rest\/api\/search\?/);
      r = await get(`/wiki${r.body._links.next}`);
      ids.push(...r.body.results.map((x: Json) => x.content.id));
    }
    expect(ids).toEqual(['70001', '80001', '80002', '80003', '80007', '70002', '80005', '80006', '70005']);
  });

  it('silently caps limit, so counting results cannot replace following the link', async () => {
    const r = await search('type = comment OR type = page', '&limit=500');
    expect(r.body.limit).toBe(50);
  });

  it('filters by contributor, creator, type and lastmodified/created windows', async () => {
    const ids = async (cql: string, auth: Auth = APP): Promise<string[]> => (await search(cql, '', auth)).body.results.map((x: Json) => x.content.id).sort();
    expect(await ids('type in (page, blogpost) AND contributor = u-eve')).toEqual(['70001', '70002']);
    expect(await ids('type = page AND creator = "u-bob"')).toEqual(['70005']);
    expect(await ids('type = comment AND lastmodified >= "2026-11-02 11:30" AND lastmodified < "2026-11-02 15:00"')).toEqual(['80003', '80007']);
    expect(await ids('type = blogpost AND created >= "2026/11/02"')).toEqual(['70002']);
    // Cara's zone is Asia/Kolkata (UTC+5:30): the same wall-clock time is 5.5 hours earlier.
    expect(await ids('type = page AND created >= "2026-11-03 15:00"', asUser('u-cara'))).toEqual(['70005']);
    expect(await ids('type = page AND created >= "2026-11-03 15:00"')).toEqual([]);
  });

  it('answers 400 for bad CQL, epoch numbers and unknown fields', async () => {
    for (const cql of ['lastmodified >= 1793577600000', 'type = page AND', 'author = x', 'type = widget']) {
      const r = await search(cql);
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(/Could not parse cql/);
    }
  });

  it('expands version, space and history on content', async () => {
    const r = await search('id = 70001', '&expand=content.version,content.space,content.history');
    const c = r.body.results[0].content;
    expect(c.version).toMatchObject({ number: 3, by: { accountId: 'u-eve' } });
    expect(c.space).toMatchObject({ key: 'ENG' });
    expect(c.history.createdBy.accountId).toBe('u-ada');
  });
});
