import type { ResultError } from '../shared/result';
import { AppError, describeError, isAccessError, NotFoundError, resumeAtOf } from '../sources/errors';
import type { Stream } from './stream-env';

/** What a failed page step means for its stream, the run and the data source. */
export type StepFailure =
  /** The site kept limiting us: the stream waits for the next invocation (at `resumeAtMs` when the site said). */
  | { kind: 'rate-limited'; error: ResultError; resumeAtMs?: number }
  /** A site without Confluence: nothing to read, nothing wrong. */
  | { kind: 'unavailable'; note: string }
  /**
   * The source cannot be read until an admin acts (a revoked token, no token stored, a site
   * that is gone): the stream failed, stored activities stay, and the source is marked failing.
   */
  | { kind: 'access-lost'; error: ResultError }
  | { kind: 'failed'; error: ResultError };

/** `pagesRead`: pages of this pass read before the failed step. */
export function classifyStepFailure(e: unknown, stream: Pick<Stream, 'product'>, pagesRead: number): StepFailure {
  const error = describeError(e);
  const kind = e instanceof AppError ? e.kind : undefined;
  if (kind === 'rate-limited' || kind === 'rate-budget-exhausted') {
    const resumeAtMs = resumeAtOf(e);
    return { kind: 'rate-limited', error, ...(resumeAtMs === undefined ? {} : { resumeAtMs }) };
  }
  // Confluence's first answer on a site that has none is a 404; later 404s are real failures.
  if (stream.product === 'confluence' && e instanceof NotFoundError && pagesRead === 0) {
    return { kind: 'unavailable', note: 'Confluence is not available on this site' };
  }
  if (isAccessError(e) || kind === 'unreachable' || kind === 'missing-credentials') return { kind: 'access-lost', error };
  return { kind: 'failed', error };
}
