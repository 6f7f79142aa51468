import { RequestValidator, type RequestToCheck } from '../openapi/request-validator';
import { SPEC_DEVIATIONS } from './spec-deviations';

/**
 * Every request that reaches a site emulator is held to the official OpenAPI documents. A request
 * they do not define is answered 400 and recorded here, process-wide, so that the test harness
 * (test/setup/request-violations.ts) fails the test that made it, and `npm start` and the bench
 * report it. A test that sends a bad request on purpose claims its violations with
 * `emulator.takeViolations()`.
 */

export interface RequestViolation {
  readonly site: string;
  readonly method: string;
  /** Path with query string, as sent. */
  readonly path: string;
  /** The documented operation it was matched to, when one was. */
  readonly operation?: string;
  readonly violations: readonly string[];
}

let shared: RequestValidator | undefined;

/** One validator per process: documents parsed and operations compiled once, for every emulator. */
export function requestValidator(): RequestValidator {
  shared ??= new RequestValidator(SPEC_DEVIATIONS);
  return shared;
}

export function checkRequest(req: RequestToCheck): ReturnType<RequestValidator['check']> {
  return requestValidator().check(req);
}

const pending: RequestViolation[] = [];
const listeners = new Set<(v: RequestViolation) => void>();

export function recordViolation(v: RequestViolation): void {
  pending.push(v);
  for (const l of listeners) l(v);
}

/** Called for each violation as it happens (`npm start` prints them). Returns an unsubscribe. */
export function onViolation(listener: (v: RequestViolation) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Removes and returns the recorded violations (only those `owned` ones when given). */
export function takeViolations(owned?: (v: RequestViolation) => boolean): RequestViolation[] {
  const taken: RequestViolation[] = [];
  for (let i = pending.length - 1; i >= 0; i--) {
    if (owned && !owned(pending[i])) continue;
    taken.unshift(pending[i]);
    pending.splice(i, 1);
  }
  return taken;
}

export function formatViolation(v: RequestViolation): string {
  return `${v.method} ${v.path}${v.operation ? ` [${v.operation}]` : ''}: ${v.violations.join('; ')}`;
}

export function formatViolations(vs: readonly RequestViolation[]): string {
  return (
    `${vs.length} request(s) not defined by the official OpenAPI documents (fix the request, or list a justified ` +
    `deviation in local/site/spec-deviations.ts):\n` +
    vs.map((v) => `  ${formatViolation(v)}`).join('\n')
  );
}
