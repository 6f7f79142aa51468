import type { ErrorCode } from '../shared/result';

/**
 * Product errors, mapped from HTTP status once (`errorForStatus`). Messages are plain words a
 * Jira admin can act on; they never carry tokens or response bodies.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

export class AuthError extends AppError {
  constructor(message = 'Authentication failed: check the email and API token', options?: { cause?: unknown }) {
    super('AUTH_FAILED', message, options);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'The account has no permission for this', options?: { cause?: unknown }) {
    super('REMOTE_FORBIDDEN', message, options);
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found on the site', options?: { cause?: unknown }) {
    super('REMOTE_NOT_FOUND', message, options);
  }
}

export class RateLimitError extends AppError {
  /** Seconds the site asked us to wait, when it said. */
  readonly retryAfterSec?: number;
  constructor(message = 'The site is rate limiting requests', retryAfterSec?: number, options?: { cause?: unknown }) {
    super('RATE_LIMITED', message, options);
    this.retryAfterSec = retryAfterSec;
  }
}

export class UnreachableError extends AppError {
  constructor(message = 'The site could not be reached', options?: { cause?: unknown }) {
    super('UNREACHABLE', message, options);
  }
}

export class ServerError extends AppError {
  readonly status: number;
  constructor(status: number, message = `The site answered with a server error (${status})`, options?: { cause?: unknown }) {
    super('INTERNAL', message, options);
    this.status = status;
  }
}

/** A 400 or other client error we did not expect: a bug on our side or an API change. */
export class RequestError extends AppError {
  readonly status: number;
  constructor(status: number, message: string, options?: { cause?: unknown }) {
    super('BAD_REQUEST', message, options);
    this.status = status;
  }
}

/** The response did not have the shape we rely on. Names field paths, never values. */
export class SchemaError extends AppError {
  readonly paths: string[];
  constructor(what: string, paths: string[], options?: { cause?: unknown }) {
    super('INTERNAL', `Unexpected response from ${what}: check ${paths.slice(0, 5).join(', ') || 'the body'}`, options);
    this.paths = paths;
  }
}

/** The run kept being rate limited past its budget and stopped on purpose. */
export class BudgetExhaustedError extends AppError {
  constructor(message: string) {
    super('RATE_LIMITED', message);
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
export const isAuthError = (e: unknown): e is AuthError => e instanceof AuthError;
export const isForbiddenError = (e: unknown): e is ForbiddenError => e instanceof ForbiddenError;
export const isNotFoundError = (e: unknown): e is NotFoundError => e instanceof NotFoundError;
export const isRateLimitError = (e: unknown): e is RateLimitError => e instanceof RateLimitError;

/** Access lost (token revoked, permission removed): keep stored data, mark the source failing. */
export const isAccessError = (e: unknown): boolean => e instanceof AuthError || e instanceof ForbiddenError;

export function errorForStatus(status: number, what: string): AppError | undefined {
  if (status >= 200 && status < 300) return undefined;
  if (status === 401) return new AuthError();
  if (status === 403) return new ForbiddenError(`The account may not read ${what}`);
  if (status === 404) return new NotFoundError(`${what} was not found`);
  if (status === 410) return new RequestError(status, `${what} has been removed from the API`);
  if (status === 429) return new RateLimitError();
  if (status >= 500) return new ServerError(status);
  return new RequestError(status, `${what} was rejected (${status})`);
}

/** Plain words for a run history or a data source's failing reason. */
export function describeError(e: unknown): { code: ErrorCode; message: string } {
  if (e instanceof AppError) return { code: e.code, message: e.message };
  return { code: 'INTERNAL', message: 'An unexpected error stopped this step' };
}
