/** Jira writes offsets as -0500; Date.parse wants -05:00. Returns epoch ms or NaN. */
export function instantMs(s: string): number {
  const fixed = s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return Date.parse(fixed);
}

export function isoUtc(s: string): string {
  const ms = instantMs(s);
  if (Number.isNaN(ms)) throw new RangeError('not an instant');
  return new Date(ms).toISOString();
}
