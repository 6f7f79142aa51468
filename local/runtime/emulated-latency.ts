import { EMULATED_LATENCY_HEADER } from '../site/latency';

/** Statuses whose Response must have a null body (Fetch standard). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * Reads the latency a site emulator in 'report' mode planned for this response (0 if none)
 * and returns the response without that header: the header is a message to the runtime,
 * which charges the latency to the invocation; the app must not see it.
 */
export function takeEmulatedLatency(res: Response): { response: Response; latencyMs: number } {
  const raw = res.headers.get(EMULATED_LATENCY_HEADER);
  if (raw === null) return { response: res, latencyMs: 0 };
  const latencyMs = Number(raw);
  // A fetch() response's headers are immutable: copy them without the header.
  const headers = new Headers(res.headers);
  headers.delete(EMULATED_LATENCY_HEADER);
  const response = new Response(NULL_BODY.has(res.status) ? null : res.body, { status: res.status, statusText: res.statusText, headers });
  return { response, latencyMs: Number.isFinite(latencyMs) && latencyMs > 0 ? latencyMs : 0 };
}
