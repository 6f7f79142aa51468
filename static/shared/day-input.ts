/**
 * What the date pickers make of a typed day: YYYY-MM-DD (one-digit month and day accepted), as
 * the local midnight the picker's calendar uses; anything else, or a day that does not exist
 * (2026-02-30), is an invalid Date, which the picker shows as not a date.
 */
export function parseDayInput(text: string): Date {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text);
  if (!m) return new Date(Number.NaN);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? date : new Date(Number.NaN);
}
