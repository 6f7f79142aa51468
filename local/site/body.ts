import type { z } from 'zod';
import { badRequest } from './http-types';

/** Parses a request body; a mismatch is a 400 that names the offending field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue.path.join('.') || 'body';
  throw badRequest(`Invalid request payload: '${path}' ${issue.message}.`, { [path]: issue.message });
}
