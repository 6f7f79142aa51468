import { z } from 'zod';
import { badRequest } from '../http-types';
import { parseBody } from '../body';

/** `{ids:[...]}` bodies of comment/list and worklog/list: 1..1000 numeric ids. */
const idsSchema = z.object({ ids: z.array(z.union([z.number().int(), z.string().regex(/^\d+$/)])) });

export function parseIds(body: unknown, what: string): string[] {
  const ids = parseBody(idsSchema, body).ids.map(String);
  if (ids.length === 0) throw badRequest(`At least one ${what} ID must be provided.`, { ids: 'empty' });
  if (ids.length > 1000) throw badRequest(`The number of ${what} IDs must not exceed 1000.`, { ids: 'too many' });
  return [...new Set(ids)];
}
