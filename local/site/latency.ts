/**
 * How the emulator applies latency (fault rules of type `latency`):
 * - 'sleep': it waits before answering (wall time: `npm start`, benchmarks);
 * - 'report': it answers at once and names the latency it planned in EMULATED_LATENCY_HEADER,
 *   so that the local runtime can charge it to the invocation's virtual clock instead.
 */
export type LatencyMode = 'sleep' | 'report';

/** Milliseconds the response would have taken; only sent in 'report' mode, and only when > 0. */
export const EMULATED_LATENCY_HEADER = 'x-emulated-latency-ms';
