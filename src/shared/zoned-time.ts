/**
 * Instants shown in the viewer's time zone, computed with the platform's Intl data (no library):
 * the dashboard's feed and the CSV export use these, so a time reads the same in both.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the runtime knows this IANA time zone name (e.g. `Europe/Paris`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  /** YYYY-MM-DD */
  day: string;
  /** HH:mm:ss */
  time: string;
  /** Minutes east of UTC at that instant. */
  offsetMinutes: number;
}

/** The wall clock in `timeZone` at `ms`, with that zone's offset then (daylight saving included). */
export function wallClock(ms: number, timeZone: string): WallClock {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}:${parts.second}`;
  const asUtc = Date.parse(`${day}T${time}.000Z`);
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return { day, time, offsetMinutes: Math.round((asUtc - wholeSecond) / 60_000) };
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** ISO 8601 with the zone's offset, to the second: `2026-11-20T11:00:00+01:00`. */
export function isoInZone(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const w = wallClock(ms, timeZone);
  return `${w.day}T${w.time}${offsetText(w.offsetMinutes)}`;
}

/** The one date format of the dashboard: `2026-11-20 11:00` in the viewer's zone. */
export function formatInZone(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const w = wallClock(ms, timeZone);
  return `${w.day} ${w.time.slice(0, 5)}`;
}

/** `Europe/Paris (UTC+01:00)`: the zone and its offset at `iso`, for a hint on a time. */
export function zoneLabel(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  return `${timeZone} (UTC${offsetText(Number.isNaN(ms) ? 0 : wallClock(ms, timeZone).offsetMinutes)})`;
}
