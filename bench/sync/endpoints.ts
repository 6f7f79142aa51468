/**
 * The site emulator names endpoints by their route template ('{issueIdOrKey}', '{id}'); the
 * app's meter and the lower bound use '{id}' for every id segment. One spelling for the table.
 */
export function endpointCounts(stats: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [endpoint, n] of Object.entries(stats)) {
    const key = endpoint.replace(/\{[^}]+\}/g, '{id}');
    out[key] = (out[key] ?? 0) + n;
  }
  return out;
}

export function totalOf(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
