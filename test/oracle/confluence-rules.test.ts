import { parseSiteFixture } from '../../local/site/fixture-schema';
import { activityId, activitySchema } from '../../src/domain/activity';
import { expectedActivities } from './expected-activities';
import { ANA, BEN, MAPPING, SITE, WINDOW, baseFixture, page } from './hand-fixture';

const ds = 'host';
const run = (over: Parameters<typeof baseFixture>[0]) =>
  expectedActivities(parseSiteFixture(baseFixture(over)), { dataSourceId: ds, siteUrl: SITE, mapping: MAPPING, ...WINDOW });

describe('oracle: Confluence attribution', () => {
  it('credits page creation to the author at createdAt and each later version to its author', () => {
    const acts = run({
      contents: [page({
        versions: [
          { number: 1, authorId: ANA, createdAt: '2026-11-02T10:00:00.000Z', message: '', minorEdit: false },
          { number: 2, authorId: BEN, createdAt: '2026-11-03T10:00:00.000Z', message: 'Links', minorEdit: true },
          { number: 3, authorId: ANA, createdAt: '2026-11-04T10:00:00.000+0200', message: '', minorEdit: false },
        ],
      })],
    });
    for (const a of acts) expect(activitySchema.parse(a)).toEqual(a);
    expect(acts.map((a) => [a.id, a.kind, a.actorAccountId, a.at, a.details.version])).toEqual([
      [activityId.pageCreated(ds, '5001'), 'confluence.page.created', ANA, '2026-11-02T10:00:00.000Z', undefined],
      [activityId.pageUpdated(ds, '5001', 2), 'confluence.page.updated', BEN, '2026-11-03T10:00:00.000Z', 2],
      [activityId.pageUpdated(ds, '5001', 3), 'confluence.page.updated', ANA, '2026-11-04T08:00:00.000Z', 3],
    ]);
    expect(acts[0]).toMatchObject({
      source: 'confluence',
      container: { type: 'space', id: '900', key: 'ENG', name: 'Engineering' },
      entity: { type: 'page', id: '5001', key: '5001', title: 'Runbook' },
      url: `${SITE}/wiki/pages/viewpage.action?pageId=5001`,
    });
  });

  it('treats blog posts like pages, typed as blogpost', () => {
    const [a] = run({ contents: [page({ id: '6001', type: 'blogpost', title: 'Hackday results' })] });
    expect(a.entity).toEqual({ type: 'blogpost', id: '6001', key: '6001', title: 'Hackday results' });
    expect(a.url).toBe(`${SITE}/wiki/pages/viewpage.action?pageId=6001`);
  });

  it('counts footer and inline comments and replies once, by the version 1 author', () => {
    const acts = run({
      contents: [page({
        comments: [
          { id: '7001', location: 'footer', status: 'current', versions: [{ number: 1, authorId: BEN, createdAt: '2026-11-02T12:00:00.000Z' }] },
          { id: '7002', location: 'inline', status: 'current', versions: [{ number: 1, authorId: ANA, createdAt: '2026-11-02T13:00:00.000Z' }] },
          {
            id: '7003', location: 'inline', parentCommentId: '7002', status: 'current',
            // edited later by someone else: still credited to who wrote it, when they wrote it
            versions: [{ number: 2, authorId: ANA, createdAt: '2026-11-02T16:00:00.000Z' }, { number: 1, authorId: BEN, createdAt: '2026-11-02T14:00:00.000Z' }],
          },
        ],
      })],
    });
    const comments = acts.filter((a) => a.kind === 'confluence.comment');
    expect(comments.map((a) => [a.id, a.actorAccountId, a.at, a.details.commentId])).toEqual([
      [activityId.confluenceComment(ds, '7001'), BEN, '2026-11-02T12:00:00.000Z', '7001'],
      [activityId.confluenceComment(ds, '7002'), ANA, '2026-11-02T13:00:00.000Z', '7002'],
      [activityId.confluenceComment(ds, '7003'), BEN, '2026-11-02T14:00:00.000Z', '7003'],
    ]);
    expect(comments[2].url).toBe(`${SITE}/wiki/pages/viewpage.action?pageId=5001&focusedCommentId=7003`);
  });

  it('ignores trashed, deleted and draft content with their comments, and deleted comments', () => {
    const comment = (id: string, status: 'current' | 'deleted' = 'current') => ({
      id, location: 'footer' as const, status, versions: [{ number: 1, authorId: ANA, createdAt: '2026-11-02T12:00:00.000Z' }],
    });
    const acts = run({
      contents: [
        page({ id: '1', status: 'trashed', comments: [comment('11')] }),
        page({ id: '2', status: 'deleted', comments: [comment('12')] }),
        page({ id: '3', status: 'draft' }),
        page({ id: '4', comments: [comment('14', 'deleted'), comment('15')] }),
      ],
    });
    expect(acts.map((a) => a.id)).toEqual([activityId.pageCreated(ds, '4'), activityId.confluenceComment(ds, '15')]);
  });

  it('produces nothing from Confluence on a site without it', () => {
    expect(run({ confluence: false, contents: [page()] })).toEqual([]);
  });
});
