/**
 * Time helpers. Jira renders instants in the requesting user's time zone with a `+hhmm` offset,
 * and reads date-only / "yyyy-MM-dd HH:mm" literals in that zone too (which is why the sync uses
 * epoch milliseconds). Confluence v2 renders UTC with `Z`.
 */

// Sorting large sites parses the same fixture instants over and over; remember them.
const parsed = new Map<string, number>();

export function toMs(iso: string): number {
  const hit = parsed.get(iso);
  if (hit !== undefined) return hit;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`invalid instant ${iso}`);
  // Bounded, and above the instants of the largest reference site (50k issues: ~1.5 million).
  if (parsed.size > 4_000_000) parsed.clear();
  parsed.set(iso, ms);
  return ms;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let fmt = formatters.get(tz);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, fmt);
  }
  return fmt;
}

/** Offset of `tz` from UTC at instant `ms`, in minutes (e.g. -300 for New York in winter). */
export function zoneOffsetMinutes(ms: number, tz: string): number {
  if (tz === 'UTC') return 0;
  const parts: Record<string, string> = {};
  for (const p of formatterFor(tz).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

const pad = (n: number, w = 2): string => String(Math.abs(n)).padStart(w, '0');

/** Jira's wire format: 2026-11-02T09:00:00.000-0500, in the viewer's zone. */
export function formatJira(ms: number, tz: string): string {
  const off = zoneOffsetMinutes(ms, tz);
  const d = new Date(ms + off * 60000);
  const sign = off < 0 ? '-' : '+';
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}` +
    `${sign}${pad(Math.trunc(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`
  );
}

export function formatUtc(ms: number): string {
  return new Date(ms).toISOString();
}

/** The UTC instant of a wall-clock time in `tz` (first match when clocks go back). */
export function wallClockToMs(y: number, mo: number, d: number, h: number, mi: number, tz: string): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  let ms = guess - zoneOffsetMinutes(guess, tz) * 60000;
  ms = guess - zoneOffsetMinutes(ms, tz) * 60000;
  return ms;
}

const LOCAL_DATE = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[ T](\d{2}):(\d{2}))?$/;

/** Parses "yyyy-MM-dd", "yyyy/MM/dd", optionally with " HH:mm", in `tz`; null when not that shape. */
export function parseLocalDate(text: string, tz: string): number | null {
  const m = LOCAL_DATE.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0'].map(Number);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59) return null;
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return null;
  return wallClockToMs(y, mo, d, h, mi, tz);
}

const RELATIVE = /^([-+]?)(\d+)([wdhm])$/;
const UNIT_MS: Record<string, number> = { w: 604800000, d: 86400000, h: 3600000, m: 60000 };

/** JQL relative dates such as "-1d" or "2w". */
export function parseRelative(text: string, nowMs: number): number | null {
  const m = RELATIVE.exec(text.trim());
  if (!m) return null;
  const sign = m[1] === '-' ? -1 : 1;
  return nowMs + sign * Number(m[2]) * UNIT_MS[m[3]];
}
