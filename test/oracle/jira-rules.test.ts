import { parseSiteFixture } from '../../local/site/fixture-schema';
import { activityId, activitySchema } from '../../src/domain/activity';
import { expectedActivities, instantMs } from './expected-activities';
import { ANA, BEN, MAPPING, OUTSIDER, SITE, WINDOW, baseFixture, doc, issue } from './hand-fixture';

const ds = 'host';
const run = (f = baseFixture(), window: { since: string | number; until: string | number } = WINDOW) =>
  expectedActivities(parseSiteFixture(f), { dataSourceId: ds, siteUrl: SITE, mapping: MAPPING, ...window });
const item = (fieldId: string, from: string | null, to: string | null) => ({
  field: fieldId, fieldtype: 'jira', fieldId, from, fromString: from, to, toString: to,
});

describe('oracle: Jira attribution', () => {
  it('credits the creator at created, with the project and issue and a browse link', () => {
    const [a] = run(baseFixture({ issues: [issue({ creatorId: BEN, reporterId: ANA, created: '2026-11-02T09:00:00.000-0500' })] }));
    expect(activitySchema.parse(a)).toEqual(a);
    expect(a).toMatchObject({
      id: activityId.issueCreated(ds, '10001'),
      kind: 'jira.issue.created',
      source: 'jira',
      actorAccountId: BEN,
      teammateId: 'ben',
      at: '2026-11-02T14:00:00.000Z',
      container: { type: 'project', id: '100', key: 'PLAT', name: 'Platform' },
      entity: { type: 'issue', id: '10001', key: 'PLAT-1', title: 'Fix login' },
      url: `${SITE}/browse/PLAT-1`,
    });
  });

  it('skips histories without an author (automation), also when they resolve', () => {
    const acts = run(baseFixture({
      issues: [issue({
        changelog: [
          { id: '1', authorId: null, created: '2026-11-03T09:00:00.000+0000', items: [item('status', '1', '5'), item('resolution', null, '10000')] },
          { id: '2', authorId: BEN, created: '2026-11-03T10:00:00.000+0000', items: [item('labels', null, 'x')] },
        ],
      })],
    }));
    expect(acts.map((a) => a.id)).toEqual([
      activityId.issueCreated(ds, '10001'),
      activityId.issueUpdated(ds, '10001', '2'),
    ]);
  });

  it('detects resolution by the resolution field or a move into a done category, and a reopen is only an update', () => {
    const acts = run(baseFixture({
      issues: [issue({
        changelog: [
          // done by status category alone (no resolution screen)
          { id: '1', authorId: ANA, created: '2026-11-03T09:00:00.000+0000', items: [item('status', '3', '5')] },
          // done -> done: not a new resolution
          { id: '2', authorId: ANA, created: '2026-11-03T10:00:00.000+0000', items: [item('status', '5', '6')] },
          // reopen: status back and resolution cleared
          { id: '3', authorId: BEN, created: '2026-11-04T09:00:00.000+0000', items: [item('status', '6', '3'), item('resolution', '10000', null)] },
          // resolved again, by the resolution field, with the status
          { id: '4', authorId: BEN, created: '2026-11-05T09:00:00.000+0000', items: [item('status', '3', '5'), item('resolution', null, '10000')] },
          // resolution set without any status change
          { id: '5', authorId: ANA, created: '2026-11-06T09:00:00.000+0000', items: [item('resolution', '10000', '10002')] },
          // an empty resolution is a clear, not a resolve
          { id: '6', authorId: ANA, created: '2026-11-07T09:00:00.000+0000', items: [item('resolution', '10002', '')] },
        ],
      })],
    }));
    const resolved = acts.filter((a) => a.kind === 'jira.issue.resolved');
    expect(resolved.map((a) => [a.details.changeId, a.actorAccountId])).toEqual([['1', ANA], ['4', BEN], ['5', ANA]]);
    expect(resolved[1].details.fields).toEqual(['status', 'resolution']);
    expect(resolved[1].id).toBe(activityId.issueResolved(ds, '10001', '4'));
    expect(acts.filter((a) => a.kind === 'jira.issue.updated')).toHaveLength(6);
  });

  it('counts a comment once at created by its author, and an edit by updateAuthor at updated', () => {
    const acts = run(baseFixture({
      issues: [issue({
        comments: [
          { id: '300', authorId: ANA, updateAuthorId: BEN, created: '2026-11-03T09:00:00.000+0000', updated: '2026-11-03T11:30:00.000+0100', body: doc },
          // same instant written in two offsets: not an edit
          { id: '301', authorId: BEN, updateAuthorId: BEN, created: '2026-11-03T09:00:00.000+0100', updated: '2026-11-03T08:00:00.000Z', body: doc },
        ],
      })],
    }));
    const comments = acts.filter((a) => a.kind === 'jira.comment');
    expect(comments.map((a) => [a.id, a.actorAccountId, a.at, a.details.action])).toEqual([
      [activityId.commentCreated(ds, '301'), BEN, '2026-11-03T08:00:00.000Z', 'created'],
      [activityId.commentCreated(ds, '300'), ANA, '2026-11-03T09:00:00.000Z', 'created'],
      [activityId.commentEdited(ds, '300'), BEN, '2026-11-03T10:30:00.000Z', 'edited'],
    ]);
    expect(comments[2].url).toBe(`${SITE}/browse/PLAT-1?focusedCommentId=300`);
    expect(comments[2].details.commentId).toBe('300');
  });

  it('places a worklog at started converted to UTC, across the UTC day boundary both ways', () => {
    const acts = run(baseFixture({
      issues: [issue({
        worklogs: [
          { id: '700', authorId: ANA, updateAuthorId: ANA, started: '2026-11-02T18:30:00.000-0800', timeSpentSeconds: 3600, created: '2026-11-02T19:31:00.000-0800', updated: '2026-11-02T19:31:00.000-0800' },
          { id: '701', authorId: BEN, updateAuthorId: ANA, started: '2026-11-05T03:00:00.000+0530', timeSpentSeconds: 1800, created: '2026-11-09T00:00:00.000+0000', updated: '2026-11-10T00:00:00.000+0000' },
        ],
      })],
    }));
    const w = acts.filter((a) => a.kind === 'jira.worklog');
    expect(w.map((a) => [a.actorAccountId, a.at, a.details.seconds, a.details.worklogId])).toEqual([
      [ANA, '2026-11-03T02:30:00.000Z', 3600, '700'],
      [BEN, '2026-11-04T21:30:00.000Z', 1800, '701'],
    ]);
    expect(w[0].url).toBe(`${SITE}/browse/PLAT-1?focusedWorklogId=700`);
  });

  it('drops deleted issues with everything on them, and deleted comments and worklogs', () => {
    const deleted = issue({
      id: '10002', key: 'PLAT-2', deletedAt: '2026-11-10T00:00:00.000Z',
      changelog: [{ id: '9', authorId: ANA, created: '2026-11-03T09:00:00.000+0000', items: [item('labels', null, 'x')] }],
      comments: [{ id: '302', authorId: ANA, updateAuthorId: ANA, created: '2026-11-03T09:00:00.000Z', updated: '2026-11-03T09:00:00.000Z', body: doc }],
    });
    const alive = issue({
      comments: [{ id: '303', authorId: ANA, updateAuthorId: ANA, created: '2026-11-03T09:00:00.000Z', updated: '2026-11-04T09:00:00.000Z', body: doc, deletedAt: '2026-11-05T00:00:00.000Z' }],
      worklogs: [{ id: '702', authorId: ANA, updateAuthorId: ANA, started: '2026-11-02T10:00:00.000Z', timeSpentSeconds: 60, created: '2026-11-02T10:00:00.000Z', updated: '2026-11-02T10:00:00.000Z', deletedAt: '2026-11-02T11:00:00.000Z' }],
    });
    expect(run(baseFixture({ issues: [deleted, alive] })).map((a) => a.id)).toEqual([activityId.issueCreated(ds, '10001')]);
  });

  it('keeps only what mapped teammates did', () => {
    const acts = run(baseFixture({
      issues: [issue({
        creatorId: OUTSIDER,
        changelog: [{ id: '1', authorId: OUTSIDER, created: '2026-11-03T09:00:00.000+0000', items: [item('status', '3', '5')] }],
        comments: [{ id: '300', authorId: OUTSIDER, updateAuthorId: ANA, created: '2026-11-03T09:00:00.000Z', updated: '2026-11-03T10:00:00.000Z', body: doc }],
      })],
    }));
    // Ana edited the outsider's comment: only that edit is hers.
    expect(acts.map((a) => [a.kind, a.details.action, a.teammateId])).toEqual([['jira.comment', 'edited', 'ana']]);
  });

  it('uses a closed-open window: at == since counts, at == until does not, whatever the offset', () => {
    const f = baseFixture({
      issues: [
        issue({ id: '1', key: 'PLAT-1', created: '2026-11-02T01:00:00.000+0100' }), // == since
        issue({ id: '2', key: 'PLAT-2', created: '2026-11-02T23:59:59.999Z' }),
        issue({ id: '3', key: 'PLAT-3', created: '2026-11-02T19:00:00.000-0500' }), // == until
        issue({ id: '4', key: 'PLAT-4', created: '2026-11-01T23:59:59.999Z' }),
      ],
    });
    const acts = run(f, { since: '2026-11-02T00:00:00.000Z', until: '2026-11-03T00:00:00.000Z' });
    expect(acts.map((a) => a.entity.key)).toEqual(['PLAT-1', 'PLAT-2']);
    const byNumber = run(f, { since: instantMs('2026-11-02T00:00:00.000Z'), until: instantMs('2026-11-03T00:00:00.000Z') });
    expect(byNumber).toEqual(acts);
  });

  it('rejects an instant without a zone instead of guessing one', () => {
    expect(() => instantMs('2026-11-02T09:00:00.000')).toThrow(/with a zone/);
  });
});
