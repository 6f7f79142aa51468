import { parseSiteFixture } from '../../local/site/fixture-schema';
import type { Activity } from '../../src/domain/activity';
import { diffActivities } from './diff-activities';
import { expectedActivities } from './expected-activities';
import { ANA, BEN, MAPPING, SITE, WINDOW, baseFixture, issue } from './hand-fixture';
import { recountRollups, rollupCells } from './recount-rollups';
import { teammateMappingFromFixture } from './teammate-mapping';

const worklog = (id: string, authorId: string, started: string, seconds: number) => ({
  id, authorId, updateAuthorId: authorId, started, timeSpentSeconds: seconds, created: started, updated: started,
});

function sample(): Activity[] {
  const f = baseFixture({
    issues: [issue({
      created: '2026-11-01T23:30:00.000-0100', // local Sunday, but Monday 2 Nov 00:30 UTC
      worklogs: [
        worklog('1', ANA, '2026-11-08T20:00:00.000-0800', 3600), // local Sunday, Monday 9 Nov 04:00 UTC
        worklog('2', ANA, '2026-11-09T10:00:00.000Z', 1800),
        worklog('3', BEN, '2026-11-09T09:00:00.000+0530', 600), // 03:30 UTC
      ],
    })],
  });
  return expectedActivities(parseSiteFixture(f), { dataSourceId: 'host', siteUrl: SITE, mapping: MAPPING, ...WINDOW });
}

describe('recountRollups', () => {
  it('buckets by the UTC day of at into ISO weeks and sums counts and worklog seconds', () => {
    const weeks = recountRollups(sample());
    expect([...weeks.keys()]).toEqual(['2026-11-02', '2026-11-09']);
    const cells = rollupCells(weeks.get('2026-11-09')!);
    expect(cells.map((c) => [c.day, c.teammateId, c.kind, c.count, c.seconds, c.container])).toEqual([
      ['2026-11-09', 'ana', 'jira.worklog', 2, 5400, 'host/project:100'],
      ['2026-11-09', 'ben', 'jira.worklog', 1, 600, 'host/project:100'],
    ]);
    expect(rollupCells(weeks.get('2026-11-02')!)).toEqual([
      { day: '2026-11-02', teammateId: 'ana', kind: 'jira.issue.created', count: 1, seconds: 0, container: 'host/project:100' },
    ]);
  });

  it('gives the same cells whatever order the activities come in', () => {
    const a = recountRollups(sample());
    const b = recountRollups(sample().reverse());
    for (const [week, doc] of a) expect(rollupCells(b.get(week)!)).toEqual(rollupCells(doc));
  });
});

describe('diffActivities', () => {
  it('reports missing, extra and field-level changes, and honours ignored paths', () => {
    const expected = sample();
    const actual = expected.slice(1).map((a) => ({ ...a, details: { ...a.details } }));
    actual[0] = { ...actual[0], at: '2026-11-09T05:00:00.000Z', entity: { ...actual[0].entity, title: 'Other' } };
    actual.push({ ...expected[0], id: 'jira:host:worklog:999' });
    const d = diffActivities(expected, actual);
    expect(d.equal).toBe(false);
    expect(d.missing.map((a) => a.id)).toEqual([expected[0].id]);
    expect(d.extra.map((a) => a.id)).toEqual(['jira:host:worklog:999']);
    expect(d.changed).toEqual([{
      id: expected[1].id,
      changes: [
        { path: 'at', expected: expected[1].at, actual: '2026-11-09T05:00:00.000Z' },
        { path: 'entity.title', expected: 'Fix login', actual: 'Other' },
      ],
    }]);
    expect(d.report()).toMatch(/missing \(1\)[\s\S]*extra \(1\)[\s\S]*entity\.title expected "Fix login" got "Other"/);
    expect(diffActivities(expected, expected).equal).toBe(true);
    const ignored = diffActivities(expected.slice(1), actual.slice(0, -1), ['at', 'entity']);
    expect(ignored.equal).toBe(true);
  });

  it('flags duplicate ids on the actual side and array fields that differ', () => {
    const expected = sample();
    const withFields = { ...expected[0], details: { fields: ['status', 'resolution'] } };
    const d = diffActivities([withFields], [{ ...withFields, details: { fields: ['resolution', 'status'] } }, withFields]);
    expect(d.equal).toBe(false);
    expect(d.report()).toMatch(/duplicate ids in actual \(1\)/);
  });
});

describe('teammateMappingFromFixture', () => {
  it('maps by account id or by exact email (hidden or not), case-insensitively', () => {
    const f = baseFixture({
      teammates: [
        { name: 'Ana Lima', email: 'ACC-ANA@acme.example' },
        { name: 'Ben', accountId: BEN },
        { name: 'Nobody', email: 'nobody@elsewhere.example' },
      ],
    });
    f.users[0].emailVisible = false;
    expect([...teammateMappingFromFixture(f)]).toEqual([[ANA, 'ana-lima'], [BEN, 'ben']]);
  });
});
