/**
 * Counts REST calls by endpoint template (ids replaced by {id}) and 429s, for the run history,
 * the CLI and the benchmark.
 */
export interface RequestMeter {
  calls: Record<string, number>;
  rateLimited: number;
  retries: number;
  /** Milliseconds spent waiting on Retry-After / backoff. */
  waitedMs: number;
}

export function createRequestMeter(): RequestMeter {
  return { calls: {}, rateLimited: 0, retries: 0, waitedMs: 0 };
}

export function endpointTemplate(method: string, path: string): string {
  const bare = path.split('?')[0];
  const segs = bare.split('/');
  // The API version after "api" (/rest/api/3) is part of the endpoint, not an id.
  const templ = segs
    .map((seg, i) => (segs[i - 1] !== 'api' && (/^\d+$/.test(seg) || /^[A-Z][A-Z0-9_]+-\d+$/.test(seg)) ? '{id}' : seg))
    .join('/');
  return `${method} ${templ}`;
}

export function mergeMeters(into: RequestMeter, from: RequestMeter): RequestMeter {
  for (const [k, v] of Object.entries(from.calls)) into.calls[k] = (into.calls[k] ?? 0) + v;
  into.rateLimited += from.rateLimited;
  into.retries += from.retries;
  into.waitedMs += from.waitedMs;
  return into;
}
