import { parseJql } from '../../local/site/jql';
import { parseLocalDate, parseRelative, formatJira } from '../../local/site/time';

/** The JQL/CQL grammar and the date helpers behind the query windows. */

describe('JQL grammar', () => {
  it('binds AND tighter than OR and honours parentheses', () => {
    expect(parseJql('project = A OR project = B AND created < 5').where).toEqual({
      kind: 'or',
      items: [
        { kind: 'clause', field: 'project', op: '=', values: [{ kind: 'text', text: 'A', quoted: false }] },
        { kind: 'and', items: [
          { kind: 'clause', field: 'project', op: '=', values: [{ kind: 'text', text: 'B', quoted: false }] },
          { kind: 'clause', field: 'created', op: '<', values: [{ kind: 'text', text: '5', quoted: false }] },
        ] },
      ],
    });
    const grouped = parseJql('(project = A OR project = B) AND created < 5').where;
    expect(grouped?.kind).toBe('and');
  });

  it('reads lists, NOT IN, IS EMPTY, quoted strings and ORDER BY', () => {
    const q = parseJql(`issuekey not in (A-1, "A-2") AND assignee is EMPTY order by updated desc, key`);
    expect(q.orderBy).toEqual([{ field: 'updated', dir: 'desc' }, { field: 'key', dir: 'asc' }]);
    expect(q.where).toMatchObject({ kind: 'and', items: [
      { op: 'not in', values: [{ text: 'A-1', quoted: false }, { text: 'A-2', quoted: true }] },
      { op: 'is', values: [{ kind: 'empty' }] },
    ] });
  });

  it('names what is wrong', () => {
    expect(() => parseJql('project = ')).toThrow(/Expecting a value/);
    expect(() => parseJql('project A')).toThrow(/Expecting an operator/);
    expect(() => parseJql('(project = A')).toThrow(/Expecting '\)'/);
    expect(() => parseJql('summary ~ "x"')).toThrow(/not supported/);
    expect(() => parseJql('assignee = currentUser()')).toThrow(/function/);
    expect(() => parseJql('project = A ORDER BY a, b, c, d, e, f, g, h')).toThrow(/at most 7/);
  });
});

describe('date helpers', () => {
  it('reads wall-clock dates in a zone, across a daylight-saving change', () => {
    expect(new Date(parseLocalDate('2026-03-08 03:30', 'America/New_York') ?? 0).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(new Date(parseLocalDate('2026-03-07 03:30', 'America/New_York') ?? 0).toISOString()).toBe('2026-03-07T08:30:00.000Z');
    expect(new Date(parseLocalDate('2026/11/02', 'Asia/Kolkata') ?? 0).toISOString()).toBe('2026-11-01T18:30:00.000Z');
    expect(parseLocalDate('02-11-2026', 'UTC')).toBeNull();
    expect(parseLocalDate('2026-02-28 25:00', 'UTC')).toBeNull();
    expect(parseLocalDate('2026-02-30', 'UTC')).toBeNull();
  });

  it('renders Jira instants with +hhmm offsets in the viewer zone', () => {
    const ms = Date.parse('2026-07-02T14:00:00.123Z');
    expect(formatJira(ms, 'Europe/Berlin')).toBe('2026-07-02T16:00:00.123+0200');
    expect(formatJira(ms, 'America/St_Johns')).toBe('2026-07-02T11:30:00.123-0230');
    expect(formatJira(ms, 'UTC')).toBe('2026-07-02T14:00:00.123+0000');
  });

  it('reads relative periods', () => {
    expect(parseRelative('-2d', 1_000_000_000)).toBe(1_000_000_000 - 2 * 86_400_000);
    expect(parseRelative('1w', 0)).toBe(604_800_000);
    expect(parseRelative('soon', 0)).toBeNull();
  });
});
