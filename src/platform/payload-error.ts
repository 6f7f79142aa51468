import type { z } from 'zod';
import { fieldProblems } from '../shared/field-messages';
import type { Result } from '../shared/result';

/**
 * A payload the contract refuses, as the UIs show it: every problem in words with the field's
 * label ("Sync interval: at least 5 minutes", src/shared/field-messages.ts), the first as the
 * message (it reads on its own in a banner) with its `field`, and all of them in `fields` so a
 * form marks each input at once. Never the value: payloads may carry tokens.
 */
export function payloadError(error: z.ZodError): Result<never> {
  const problems = fieldProblems(error);
  const first = problems[0] ?? { field: '', message: 'The request is not valid: reload the page.' };
  const named = problems.filter((p) => p.field);
  return {
    ok: false,
    error: {
      code: 'BAD_REQUEST',
      message: first.message,
      ...(first.field ? { field: first.field } : {}),
      ...(named.length > 1 ? { fields: named } : {}),
    },
  };
}
