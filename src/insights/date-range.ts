import { PRESET_DAYS, type DashboardFilters } from '../shared/dashboard-contract';
import { DAY_MS } from '../domain/time-window';

export interface ResolvedRange {
  from: string;
  to: string;
  days: number;
  /** The period of the same length just before `from`, for the change figures. */
  previousFrom: string;
  previousTo: string;
}

export function dayToMs(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

export function addDays(day: string, n: number): string {
  return new Date(dayToMs(day) + n * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetweenInclusive(from: string, to: string): number {
  return Math.round((dayToMs(to) - dayToMs(from)) / DAY_MS) + 1;
}

/** Presets count back from today (UTC), today included: "last 7 days" is today and the 6 before. */
export function resolveRange(filters: Pick<DashboardFilters, 'range' | 'from' | 'to'>, today: string): ResolvedRange {
  let from: string;
  let to: string;
  if (filters.range === 'custom') {
    // The contract guarantees both ends for a custom range.
    from = filters.from as string;
    to = filters.to as string;
  } else {
    to = today;
    from = addDays(today, -(PRESET_DAYS[filters.range] - 1));
  }
  const days = daysBetweenInclusive(from, to);
  return { from, to, days, previousFrom: addDays(from, -days), previousTo: addDays(from, -1) };
}

/** Epoch seconds of the half-open instant window [from 00:00, to+1 00:00). */
export function rangeSeconds(from: string, to: string): { fromSec: number; toSecExclusive: number } {
  return { fromSec: dayToMs(from) / 1000, toSecExclusive: (dayToMs(to) + DAY_MS) / 1000 };
}
