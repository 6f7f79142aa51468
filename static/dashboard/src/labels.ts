import { formatInZone, isTimeZone } from '../../../src/shared/zoned-time';

/** Colour-blind-safe palette (Okabe–Ito plus two), one per kind, stable across views. */
export const PALETTE = ['#0072B2', '#56B4E9', '#009E73', '#E69F00', '#D55E00', '#CC79A7', '#8C6BB1', '#999933', '#F0E442', '#666666'];

export function formatHours(seconds: number): string {
  const h = seconds / 3600;
  return h === 0 ? '0 h' : `${h < 10 ? h.toFixed(1) : Math.round(h)} h`;
}

export function formatChange(count: number, previous: number, unit = ''): { text: string; dir: 'up' | 'down' | 'same' } {
  if (count === previous) return { text: 'no change vs previous period', dir: 'same' };
  const diff = count - previous;
  const pct = previous === 0 ? '' : ` (${diff > 0 ? '+' : ''}${Math.round((diff / previous) * 100)}%)`;
  return { text: `${diff > 0 ? '+' : ''}${diff}${unit}${pct} vs previous period`, dir: diff > 0 ? 'up' : 'down' };
}

/** The browser's IANA time zone: the feed shows and the CSV writes times in it. */
export function viewerTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : 'UTC';
}

/** The dashboard's one date format, `2026-11-20 11:00`, in the viewer's time zone. */
export function formatWhen(iso: string, timeZone = viewerTimeZone()): string {
  return formatInZone(iso, timeZone);
}
