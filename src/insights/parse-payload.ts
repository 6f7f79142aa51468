import type { z } from 'zod';
import { dashboardContract, type DashboardKey } from '../shared/dashboard-contract';
import { fail, ok, type Result } from '../shared/result';

type Parsed<K extends DashboardKey> = z.infer<(typeof dashboardContract)[K]['payload']>;

/** Bad input gets the first problem named with its field path, e.g. "filters.to: ...". */
export function parseDashboardPayload<K extends DashboardKey>(key: K, raw: unknown): Result<Parsed<K>> {
  const r = dashboardContract[key].payload.safeParse(raw ?? {});
  if (r.success) return ok(r.data as Parsed<K>);
  const issue = r.error.issues[0];
  const field = issue.path.map(String).join('.');
  const message = issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message;
  return fail('BAD_REQUEST', field ? `${field}: ${message}` : message, field || undefined);
}
