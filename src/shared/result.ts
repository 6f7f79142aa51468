import { z } from 'zod';

/**
 * Every resolver answers with this envelope. Error codes are string literals the UI maps to
 * plain messages; a stack trace never crosses the bridge.
 */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'AUTH_FAILED',
  'REMOTE_FORBIDDEN',
  'REMOTE_NOT_FOUND',
  'UNREACHABLE',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ResultError {
  code: ErrorCode;
  message: string;
  /** For BAD_REQUEST: the payload field the message is about, e.g. "jiraUrl" or "externalIds.0.value". */
  field?: string;
  /** When more than one field has a problem: all of them, the first being `field` (a form shows them all at once). */
  fields?: { field: string; message: string }[];
}
export type Result<T> = { ok: true; data: T } | { ok: false; error: ResultError };

export const resultErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  field: z.string().optional(),
  fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string, field?: string): Result<never> {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}

/** Every field's problem at once: the first as `message`/`field`, all of them in `fields` when more than one. */
export function failFields(code: ErrorCode, problems: readonly [{ field: string; message: string }, ...{ field: string; message: string }[]]): Result<never> {
  const [first] = problems;
  return { ok: false, error: { code, message: first.message, field: first.field, ...(problems.length > 1 ? { fields: [...problems] } : {}) } };
}
