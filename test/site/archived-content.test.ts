import { createSiteEmulator, type SiteEmulator } from '../../local/site/emulator';
import { smallSite } from './fixtures/small-site';
import { APP, call, type Json } from './helpers';

/**
 * Archived and trashed Confluence content as the v2 document and CQL serve it: page lists default
 * to current and archived, blog posts to current (their `status` has no `archived`: the request
 * validation refuses it); a single GET finds an
 * archived page; CQL searches current content only; restoring brings trashed content back.
 */
let emu: SiteEmulator;
beforeEach(async () => {
  emu = await createSiteEmulator({ sites: [smallSite()] });
});
afterEach(() => emu.close());

const get = async (path: string): Promise<{ status: number; body: Json }> => {
  const r = await call(emu.baseUrl, 'GET', path, { auth: APP });
  return { status: r.status, body: r.json };
};
const ids = (body: Json): string[] => body.results.map((x: Json) => x.id ?? x.content?.id);

describe('archived and trashed content', () => {
  it('page lists default to current and archived; a blog post cannot be archived', async () => {
    const site = emu.site('acme');
    site.archiveContent('70001', 'u-ada');
    const pages = await get('/wiki/api/v2/pages?id=70001,70004,70005');
    expect(ids(pages.body).sort()).toEqual(['70001', '70005']);
    expect(pages.body.results.find((x: Json) => x.id === '70001').status).toBe('archived');
    expect(ids((await get('/wiki/api/v2/pages?id=70001,70005&status=current')).body)).toEqual(['70005']);
    expect(ids((await get('/wiki/api/v2/pages?id=70001,70004&status=archived,trashed')).body).sort()).toEqual(['70001', '70004']);
    expect(() => site.archiveContent('70002', 'u-ada')).toThrow(/only a current page/);
  });

  it('an archived page is found by id with its comments, but not by CQL', async () => {
    emu.site('acme').archiveContent('70001', 'u-ada');
    const page = await get('/wiki/api/v2/pages/70001');
    expect(page.status).toBe(200);
    expect(page.body.status).toBe('archived');
    expect((await get('/wiki/api/v2/pages/70001/footer-comments')).body.results.length).toBeGreaterThan(0);
    const cql = await get(`/wiki/rest/api/search?cql=${encodeURIComponent('id in (70001, 70005)')}`);
    expect(ids(cql.body)).toEqual(['70005']);
  });

  it('trashed content is a 404 unless asked for, and comes back when restored', async () => {
    const site = emu.site('acme');
    expect((await get('/wiki/api/v2/pages/70004')).status).toBe(404);
    expect((await get('/wiki/api/v2/pages/70004?status=trashed')).status).toBe(200);
    expect(site.restoreContent('70004', 'u-bob').eventType).toBe('avi:confluence:restored:page');
    expect((await get('/wiki/api/v2/pages/70004')).body.status).toBe('current');
    site.archiveContent('70004', 'u-bob');
    expect(site.restoreContent('70004', 'u-bob').eventType).toBe('avi:confluence:unarchived:page');
  });
});
