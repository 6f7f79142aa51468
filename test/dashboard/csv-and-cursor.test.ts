import { CSV_COLUMNS, csvField, csvRow, toCsv, UTF8_BOM } from '../../src/insights/csv';
import { decodeCursor, encodeCursor, querySignature } from '../../src/insights/feed-cursor';
import type { FeedEvent } from '../../src/shared/dashboard-contract';

const event = (over: Partial<FeedEvent> = {}): FeedEvent => ({
  id: 'jira:host:comment:1:created',
  at: '2026-11-20T10:00:00.000Z',
  kind: 'jira.worklog',
  source: 'jira',
  dataSourceId: 'host',
  teammateId: 'tm-a',
  teammateName: 'Ada, "the" Admin',
  container: { type: 'project', key: 'ENG', name: 'Engineering' },
  title: 'Fix login',
  entityKey: 'ENG-1',
  url: 'https://acme.atlassian.net/browse/ENG-1?focusedWorklogId=9',
  restricted: null,
  seconds: 5400,
  ...over,
});

const OPTS = { dataSourceNames: new Map([['host', 'acme.atlassian.net']]), timeZone: 'UTC' };

describe('CSV rows', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    for (const f of ['=1+1', '+1', '-1', '@SUM(A1)']) expect(csvField(f)).toBe(`'${f}`);
  });

  it('defuses formulas behind leading whitespace and in full-width signs', () => {
    const formulas = [
      ' =1+1',
      '   +1',
      '\u00a0-1',
      '\u3000@SUM(A1)',
      '\u200b=HYPERLINK("x")',
      '\n=1+1',
      '\t=1+1',
      '\r=1+1',
      '\uff1dHYPERLINK("x")',
      '\uff0b1',
      '\uff0d1',
      '\uff20SUM(A1)',
      ' \uff1d1',
    ];
    const unquote = (field: string) =>
      field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
    for (const f of formulas) expect(unquote(csvField(f))).toBe(`'${f}`);
    // Text that merely contains a sign, or starts with other characters, stays as written.
    for (const f of ['a=b', 'Fix -1 bug', ' plain', '\uff21bc', '2026-11-20T10:00:00.000Z', '1.50']) {
      expect(csvField(f)).toBe(f);
    }
  });

  it('writes one line per event, hours with two decimals, BOM and header only in the first chunk', () => {
    expect(csvRow(event(), OPTS)).toBe(
      '2026-11-20T10:00:00+00:00,"Ada, ""the"" Admin",Worklog,jira,acme.atlassian.net,ENG,Engineering,ENG-1,Fix login,https://acme.atlassian.net/browse/ENG-1?focusedWorklogId=9,1.50',
    );
    const first = toCsv([event()], { ...OPTS, first: true });
    expect(first.startsWith(`${UTF8_BOM}time,teammate,kind`)).toBe(true);
    expect(toCsv([event()], { ...OPTS, first: false }).startsWith('2026-')).toBe(true);
    expect(toCsv([], { ...OPTS, first: false })).toBe('');
    expect(toCsv([], { ...OPTS, first: true })).toBe(`${UTF8_BOM}${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('writes data source names (the id of a removed source) and times with the viewer offset', () => {
    expect(csvRow(event({ dataSourceId: 'gone' }), OPTS).split(',')[5]).toBe('gone');
    const paris = { ...OPTS, timeZone: 'Europe/Paris' };
    expect(csvRow(event({ at: '2026-11-20T10:00:00.000Z' }), paris).split(',')[0]).toBe('2026-11-20T11:00:00+01:00');
    expect(csvRow(event({ at: '2026-07-01T10:00:00.000Z' }), paris).split(',')[0]).toBe('2026-07-01T12:00:00+02:00');
    const kolkata = { ...OPTS, timeZone: 'Asia/Kolkata' };
    expect(csvRow(event({ at: '2026-11-20T20:00:00.000Z' }), kolkata).split(',')[0]).toBe('2026-11-21T01:30:00+05:30');
    const la = { ...OPTS, timeZone: 'America/Los_Angeles' };
    expect(csvRow(event({ at: '2026-11-20T03:00:00.000Z' }), la).split(',')[0]).toBe('2026-11-19T19:00:00-08:00');
  });

  it('restricted events keep their counts but not their title, item or link', () => {
    const row = csvRow(event({ restricted: 'permission', title: null, url: null, entityKey: null, container: { type: 'project', key: null, name: null } }), OPTS);
    expect(row).not.toContain('Fix login');
    expect(row).not.toContain('ENG');
    expect(row.split(',').slice(-6)).toEqual(['restricted', 'restricted', 'restricted', 'restricted', '', '1.50']);
  });
});

describe('feed cursors', () => {
  const sig = querySignature(['feed', '2026-10-27', '2026-11-25', { range: '30d' }, 25]);

  it('round-trips a position', () => {
    const c = encodeCursor(sig, { kvsCursor: 'abc', skip: 3 });
    expect(decodeCursor(sig, c)).toEqual({ ok: true, pos: { kvsCursor: 'abc', skip: 3 } });
  });

  it('refuses cursors of other filters, tampered ones and junk', () => {
    const c = encodeCursor(sig, { skip: 0 });
    expect(decodeCursor(querySignature(['feed', 'other']), c)).toMatchObject({ ok: false, message: expect.stringContaining('other filters') });
    const tampered = Buffer.from(JSON.stringify({ q: sig, s: -4 })).toString('base64url');
    expect(decodeCursor(sig, tampered).ok).toBe(false);
    expect(decodeCursor(sig, '%%%').ok).toBe(false);
    expect(decodeCursor(sig, Buffer.from('[1,2]').toString('base64url')).ok).toBe(false);
  });
});
