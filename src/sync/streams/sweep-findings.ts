import type { Activity } from '../../domain/activity';
import type { AccessLost } from '../../domain/deletion-evidence';
import type { StreamEnv } from '../stream-env';

/** What checking one slice of stored activity found: activity ids to delete, containers lost. */
export interface SweepFindings {
  deletes: string[];
  lost: AccessLost[];
}

/** Every stored activity of one issue or page (of one product), wherever it lies in time. */
export async function entityActivityIds(env: StreamEnv, entityKey: string, source: Activity['source']): Promise<string[]> {
  const all = await env.activities.listByEntity(env.dataSourceId, entityKey);
  return all.filter((a) => a.source === source).map((a) => a.id);
}

export function lostContainer(c: Activity['container']): AccessLost {
  return { type: c.type, id: c.id, key: c.key, name: c.name };
}

/** One answer per key within a slice (a project's or space's readability is asked once). */
export function memo<T>(cache: Map<string, Promise<T>>, key: string, fn: () => Promise<T>): Promise<T> {
  let p = cache.get(key);
  if (!p) cache.set(key, (p = fn()));
  return p;
}
