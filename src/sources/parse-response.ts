import type { z } from 'zod';
import { errorForStatus, SchemaError, UnreachableError } from './errors';
import type { SiteResponse } from './site-client';

/**
 * Checks the status, reads JSON and parses it with a loose schema. Failures name the endpoint
 * and the field paths that did not match, never the values (they may be personal data).
 */
export async function parseResponse<S extends z.ZodTypeAny>(res: SiteResponse, schema: S, what: string): Promise<z.infer<S>> {
  const err = errorForStatus(res.status, what, res.headers);
  if (err) throw err;
  let body: unknown;
  try {
    body = await res.json();
  } catch (e) {
    throw new UnreachableError(`The response from ${what} was cut off or was not JSON`, { cause: e });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const paths = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))];
    throw new SchemaError(what, paths);
  }
  return parsed.data;
}
