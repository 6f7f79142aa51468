import { AppError } from '../shared/app-error';

/**
 * Product errors, mapped from HTTP status once (`errorForStatus`). Messages are plain words a
 * Jira admin can act on; they never carry tokens or response bodies. Each is an `AppError`
 * (src/shared/app-error.ts) of its own kind.
 */
export { AppError, describeError } from '../shared/app-error';

export class AuthError extends AppError {
  constructor(message = 'Authentication failed: check the email and API token', options?: { cause?: unknown }, kind: 'auth-failed' | 'token-scope-missing' = 'auth-failed') {
    super(kind, message, options);
  }
}

/**
 * Atlassian's API gateway refused a scoped API token because the call needs a scope the token
 * lacks: 401, `X-Failure-Category: FAILURE_CLIENT_SCOPE_CHECK`, body
 * `{"code":401,"message":"Unauthorized; scope does not match"}` (seen on real gateways:
 * https://github.com/kovetskiy/mark/issues/917). Still an AuthError: the source has lost access.
 */
export class TokenScopeError extends AuthError {
  constructor(what: string, options?: { cause?: unknown }) {
    super(`The scoped API token lacks a scope needed to read ${what}: create a token with the scopes listed on the admin page`, options, 'token-scope-missing');
  }
}

/** The gateway's header on a scope refusal. */
export const SCOPE_FAILURE_HEADER = 'x-failure-category';
export const SCOPE_FAILURE_CATEGORY = 'FAILURE_CLIENT_SCOPE_CHECK';

export class ForbiddenError extends AppError {
  constructor(message = 'The account has no permission for this', options?: { cause?: unknown }) {
    super('remote-forbidden', message, options);
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found on the site', options?: { cause?: unknown }) {
    super('remote-not-found', message, options);
  }
}

export class RateLimitError extends AppError {
  /** Seconds the site asked us to wait, when it said. */
  readonly retryAfterSec?: number;
  /** When the site lets us back in (epoch ms, jitter included), when it said: work resumes then. */
  readonly resumeAtMs?: number;
  constructor(message = 'The site is rate limiting requests', retryAfterSec?: number, options?: { cause?: unknown; resumeAtMs?: number }) {
    super('rate-limited', message, options);
    this.retryAfterSec = retryAfterSec;
    this.resumeAtMs = options?.resumeAtMs;
  }
}

export class UnreachableError extends AppError {
  constructor(message = 'The site could not be reached', options?: { cause?: unknown }) {
    super('unreachable', message, options);
  }
}

export class ServerError extends AppError {
  readonly status: number;
  constructor(status: number, message = `The site answered with a server error (${status})`, options?: { cause?: unknown }) {
    super('server-error', message, options);
    this.status = status;
  }
}

/**
 * Jira answered but listed issues it could not return this time (bulkfetch `issueErrors`: "a
 * retriable error or payload constraint"). Nothing that depends on them may move on: the step is
 * retried, and the run that cannot read them ends without moving its watermark.
 */
export class IssuesNotReturnedError extends AppError {
  readonly issueIds: string[];
  constructor(issueIds: string[], options?: { cause?: unknown }) {
    const n = issueIds.length;
    super('server-error', `Jira could not return ${n} issue${n === 1 ? '' : 's'} this time; they are read again on the next run`, options);
    this.issueIds = issueIds;
  }
}

/** A 400 or other client error we did not expect: a bug on our side or an API change. */
export class RequestError extends AppError {
  readonly status: number;
  constructor(status: number, message: string, options?: { cause?: unknown }) {
    super('request-rejected', message, options);
    this.status = status;
  }
}

/** The response did not have the shape we rely on. Names field paths, never values. */
export class SchemaError extends AppError {
  readonly paths: string[];
  constructor(what: string, paths: string[], options?: { cause?: unknown }) {
    super('unexpected-response', `Unexpected response from ${what}: check ${paths.slice(0, 5).join(', ') || 'the body'}`, options);
    this.paths = paths;
  }
}

/** The run kept being rate limited past its budget and stopped on purpose. */
export class BudgetExhaustedError extends AppError {
  /** When the site lets us back in (epoch ms, jitter included), when it said. */
  readonly resumeAtMs?: number;
  constructor(message: string, resumeAtMs?: number) {
    super('rate-budget-exhausted', message);
    this.resumeAtMs = resumeAtMs;
  }
}

/**
 * The invocation's time ran out before the work was done: nothing is wrong with the site, the
 * work continues in a later invocation (the queue) instead of being cut off by the platform.
 */
export class OutOfTimeError extends AppError {
  constructor(message = 'This invocation ran out of time; the work continues later') {
    super('out-of-time', message);
  }
}

/** When a rate-limited or out-of-time piece of work may run again, if the site said. */
export function resumeAtOf(e: unknown): number | undefined {
  return e instanceof RateLimitError || e instanceof BudgetExhaustedError ? e.resumeAtMs : undefined;
}

export const isNotFoundError = (e: unknown): e is NotFoundError => e instanceof NotFoundError;

/** Access lost (token revoked, permission removed): keep stored data, mark the source failing. */
export const isAccessError = (e: unknown): boolean => e instanceof AuthError || e instanceof ForbiddenError;

export function errorForStatus(status: number, what: string, headers?: { get(name: string): string | null }): AppError | undefined {
  if (status >= 200 && status < 300) return undefined;
  if (status === 401 && headers?.get(SCOPE_FAILURE_HEADER)?.trim().toUpperCase() === SCOPE_FAILURE_CATEGORY) return new TokenScopeError(what);
  if (status === 401) return new AuthError();
  if (status === 403) return new ForbiddenError(`The account may not read ${what}`);
  if (status === 404) return new NotFoundError(`${what} was not found`);
  if (status === 410) return new RequestError(status, `${what} has been removed from the API`);
  if (status === 429) return new RateLimitError();
  if (status >= 500) return new ServerError(status);
  return new RequestError(status, `${what} was rejected (${status})`);
}
