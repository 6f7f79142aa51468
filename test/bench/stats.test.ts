import { describeSummary, growth, median, percentile, summarize } from '../../bench/lib/stats';

describe('bench statistics', () => {
  it('takes the middle value of an odd count whatever the order', () => {
    expect(median([900, 10, 30, 20, 25])).toBe(25);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('interpolates percentiles between ranks; 0 and 100 are min and max', () => {
    const xs = [10, 20, 30, 40, 50];
    expect(percentile(xs, 0)).toBe(10);
    expect(percentile(xs, 100)).toBe(50);
    expect(percentile(xs, 90)).toBeCloseTo(46);
    expect(percentile([7], 90)).toBe(7);
  });

  it('does not reorder the caller’s array', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });

  it('refuses no measurements, bad percentiles and non-finite values', () => {
    expect(() => median([])).toThrow(/no measurements/);
    expect(() => percentile([1], 101)).toThrow(/0\.\.100/);
    expect(() => percentile([1, Number.NaN], 50)).toThrow(/finite/);
  });

  it('summarises runs and describes them', () => {
    const s = summarize([120, 100, 300, 110, 105]);
    expect(s).toEqual({ runs: 5, median: 110, min: 100, max: 300, p90: 228 });
    expect(describeSummary(s, (n) => `${n} ms`)).toBe('110 ms median of 5 (min 100 ms, max 300 ms)');
  });

  it('judges growth against a limit', () => {
    expect(growth(100, 1000, 10.5)).toEqual({ factor: 10, within: true });
    expect(growth(100, 1100, 10.5).within).toBe(false);
    expect(growth(0, 0, 10.5)).toEqual({ factor: 1, within: true });
  });
});
