import { KIND_LABELS } from '../../shared/activity-kinds';
import type { GadgetSummary, PeriodCount } from '../../shared/gadget-contract';

/** Pure shaping of a summary for display: chart rows, change texts, day labels. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Nov 24" from 2026-11-24: fixed words, so the chart reads the same for every locale. */
export function dayLabel(day: string): string {
  const [, m, d] = day.split('-');
  return `${MONTHS[Number(m) - 1]} ${Number(d)}`;
}

export interface ChartRow {
  day: string;
  kind: string;
  count: number;
}

/** Rows for the per-day chart, one per day and kind shown, labelled for people. */
export function chartRows(summary: GadgetSummary): ChartRow[] {
  return summary.perDay.map((p) => ({ day: dayLabel(p.day), kind: KIND_LABELS[p.kind], count: p.count }));
}

/** "+4 (+50%)", "−2 (−20%)", "new" or "no change", against the previous period. */
export function changeText(c: PeriodCount): string {
  const diff = c.count - c.previous;
  if (diff === 0) return 'no change';
  if (c.previous === 0) return `+${diff}, none before`;
  const pct = Math.round((diff / c.previous) * 100);
  return diff > 0 ? `+${diff} (+${pct}%)` : `−${-diff} (−${-pct}%)`;
}

export function changeAppearance(c: PeriodCount): 'added' | 'removed' | 'default' {
  if (c.count > c.previous) return 'added';
  if (c.count < c.previous) return 'removed';
  return 'default';
}

export function hoursText(seconds: number): string {
  const hours = seconds / 3600;
  return `${hours >= 10 ? Math.round(hours) : Math.round(hours * 10) / 10} h`;
}

export function rangeText(s: GadgetSummary): string {
  return `${dayLabel(s.range.from)} – ${dayLabel(s.range.to)} (last ${s.range.days} days), changes against the ${s.range.days} days before`;
}
