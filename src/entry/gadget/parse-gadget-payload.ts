import type { z } from 'zod';
import { gadgetContract, type GadgetResolverKey } from '../../shared/gadget-contract';
import { fail, ok, type Result } from '../../shared/result';

type Parsed<K extends GadgetResolverKey> = z.infer<(typeof gadgetContract)[K]['payload']>;

/** Bad input gets its first problem, named with the field path, e.g. "config.rangeDays: ...". */
export function parseGadgetPayload<K extends GadgetResolverKey>(key: K, raw: unknown): Result<Parsed<K>> {
  const r = gadgetContract[key].payload.safeParse(raw ?? {});
  if (r.success) return ok(r.data as Parsed<K>);
  const issue = r.error.issues[0];
  const field = issue.path.map(String).join('.');
  return fail('BAD_REQUEST', field ? `${field}: ${issue.message}` : issue.message, field || undefined);
}
