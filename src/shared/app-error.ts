import type { ErrorCode, ResultError } from './result';

/**
 * Every error the app raises on purpose is an `AppError` with a `kind`: what went wrong, finer
 * than the `code` a resolver answers with (each kind has one code). Shared with the UI, so a page
 * can name the same kinds the backend raises; no Node or @forge imports here.
 *
 * `plain`: the message is plain words a Jira admin can act on (it may be shown and stored in a
 * run's history). Otherwise it is for the log only, and `describeError` says something generic.
 */
export const ERROR_KINDS = {
  /** 401 from a site: the email and token were refused. */
  'auth-failed': { code: 'AUTH_FAILED', plain: true },
  /** 401 from Atlassian's API gateway: the scoped API token lacks a scope the call needs. */
  'token-scope-missing': { code: 'AUTH_FAILED', plain: true },
  /** No email or API token is stored for a data source. */
  'missing-credentials': { code: 'AUTH_FAILED', plain: true },
  /** 403 from a site. */
  'remote-forbidden': { code: 'REMOTE_FORBIDDEN', plain: true },
  /** 404 from a site. */
  'remote-not-found': { code: 'REMOTE_NOT_FOUND', plain: true },
  /** 429 from a site, or a wait longer than the invocation has left. */
  'rate-limited': { code: 'RATE_LIMITED', plain: true },
  /** A site kept limiting a run past its budget; the run continues later. */
  'rate-budget-exhausted': { code: 'RATE_LIMITED', plain: true },
  /** The invocation's time ran out before the work was done; it continues in a later one. */
  'out-of-time': { code: 'UNREACHABLE', plain: true },
  /** Network failure, timeout or a cut-off response. */
  unreachable: { code: 'UNREACHABLE', plain: true },
  /** 5xx from a site. */
  'server-error': { code: 'INTERNAL', plain: true },
  /** A 400 or other client error we did not expect: a bug on our side or an API change. */
  'request-rejected': { code: 'BAD_REQUEST', plain: true },
  /** A response without the shape we rely on (names field paths, never values). */
  'unexpected-response': { code: 'INTERNAL', plain: true },
  /** A stored configuration document does not parse. */
  'stored-config-malformed': { code: 'INTERNAL', plain: false },
  /** A stored rollup document does not parse. */
  'stored-rollup-malformed': { code: 'INTERNAL', plain: false },
  /** Any other stored record (sync state, a run, an activity row, a purge job) does not parse. */
  'stored-record-malformed': { code: 'INTERNAL', plain: false },
  /** A KVS write lost a race (the key existed, or a transaction condition did not hold). */
  'kvs-conflict': { code: 'INTERNAL', plain: false },
} as const satisfies Record<string, { code: ErrorCode; plain: boolean }>;

export type ErrorKind = keyof typeof ERROR_KINDS;

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: ErrorCode;
  constructor(kind: ErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.code = ERROR_KINDS[kind].code;
    this.name = new.target.name;
  }
}

/** Plain words for a resolver answer, a run's history or a data source's failing reason. */
export function describeError(e: unknown): Pick<ResultError, 'code' | 'message'> {
  if (e instanceof AppError && ERROR_KINDS[e.kind].plain) return { code: e.code, message: e.message };
  return { code: 'INTERNAL', message: 'An unexpected error stopped this step' };
}
