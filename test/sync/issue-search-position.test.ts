import { finishPage, floorMinute, noteRead, searchJql, unchangedBefore, type SearchState } from '../../src/sync/streams/issue-search-position';

const T0 = Date.parse('2026-11-02T09:00:00.000Z');
const pass = { querySinceMs: T0, untilMs: T0 + 3_600_000, openEnded: false };

describe('the issues search position', () => {
  it('each page is a fresh query from a whole minute, ordered by updated then key', () => {
    expect(searchJql(pass, floorMinute(T0 + 59_999))).toBe(`updated >= ${T0} AND updated < ${T0 + 3_600_000} ORDER BY updated ASC, key ASC`);
    expect(searchJql({ ...pass, openEnded: true }, T0)).toBe(`updated >= ${T0} ORDER BY updated ASC, key ASC`);
  });

  it('moves to the minute of the newest unchanged issue read, remembering the ids of that minute', () => {
    const s: SearchState = { position: T0, more: true };
    noteRead(s, [{ id: '1', updatedMs: T0 + 5_000 }, { id: '2', updatedMs: T0 + 130_000 }, { id: '3', updatedMs: T0 + 150_000 }], unchangedBefore(pass, s));
    // Changed since the search (after the pass's upper bound): says nothing about the search order.
    noteRead(s, [{ id: '4', updatedMs: T0 + 7_200_000 }], unchangedBefore(pass, s));
    expect(finishPage(s)).toBe(false);
    expect(s).toMatchObject({ position: T0 + 120_000, seen: ['2', '3'], follow: false });
  });

  it('a page all in one minute keeps the position, adds to seen and follows the token; the last page ends the search', () => {
    const s: SearchState = { position: T0, seen: ['1'], more: true };
    noteRead(s, [{ id: '2', updatedMs: T0 + 1 }, { id: '3', updatedMs: T0 + 2 }], unchangedBefore(pass, s));
    expect(finishPage(s)).toBe(false);
    expect(s).toMatchObject({ position: T0, seen: ['1', '2', '3'], follow: true });
    s.more = false;
    expect(finishPage(s)).toBe(true);
  });

  it('an open-ended pass trusts values older than the search time less a clock margin', () => {
    const s: SearchState = { searchedAt: T0 + 600_000 };
    expect(unchangedBefore({ ...pass, openEnded: true }, s)).toBe(T0 + 300_000);
  });
});
