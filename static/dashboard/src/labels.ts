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

export function formatWhen(iso: string): string {
  const d = new Date(iso);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}
