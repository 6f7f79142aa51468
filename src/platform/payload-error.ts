import type { z } from 'zod';
import { fail, type Result } from '../shared/result';

/**
 * A payload the contract refuses, as the UIs show it: the first problem, named with its field
 * path ("config.rangeDays: ...") so it reads on its own in a banner, and `field` so a form can
 * put it next to the input. Never the value: payloads may carry tokens.
 */
export function payloadError(error: z.ZodError): Result<never> {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  const text =
    issue?.code === 'unrecognized_keys' ? `Unexpected field(s): ${issue.keys.join(', ')}` : (issue?.message ?? 'The request is not valid');
  return fail('BAD_REQUEST', field ? `${field}: ${text}` : text, field);
}
