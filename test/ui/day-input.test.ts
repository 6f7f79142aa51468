import { parseDayInput } from '../../static/shared/day-input';

/** The date pickers' parser of a typed day (both apps pass it as parseInputValue). */
describe('parseDayInput', () => {
  const local = (d: Date) => [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()];

  it('reads YYYY-MM-DD as that local midnight, one-digit month and day too, spaces around ignored', () => {
    expect(local(parseDayInput('2026-12-06'))).toEqual([2026, 12, 6, 0, 0]);
    expect(local(parseDayInput(' 2024-2-29 '))).toEqual([2024, 2, 29, 0, 0]);
    expect(local(parseDayInput('2026-1-5'))).toEqual([2026, 1, 5, 0, 0]);
  });

  it('gives an invalid date for a day that does not exist or any other text', () => {
    for (const text of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '06/12/2026', '2026/12/06', '20261206', '', 'today', '2026-12-06T10:00']) {
      expect(Number.isNaN(parseDayInput(text).getTime())).toBe(true);
    }
  });
});
