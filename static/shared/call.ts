import { invoke } from '@forge/bridge';
import type { AdminKey, AdminPayload, AdminResult } from '../../src/shared/admin-contract';
import type { DashboardKey, DashboardPayload, DashboardResult } from '../../src/shared/dashboard-contract';
import type { Result } from '../../src/shared/result';

/** Every resolver key a Custom UI page may call, from the contracts in src/shared. */
export type ResolverKey = AdminKey | DashboardKey;
export type PayloadOf<K extends ResolverKey> = K extends AdminKey ? AdminPayload<K> : K extends DashboardKey ? DashboardPayload<K> : never;
export type ResultOf<K extends ResolverKey> = K extends AdminKey ? AdminResult<K> : K extends DashboardKey ? DashboardResult<K> : never;

/**
 * One resolver call, typed by the contract. Bridge 7.2 may wrap the answer in {body}; anything
 * else odd becomes an error, and so does a page that cannot reach the app.
 */
export async function call<K extends ResolverKey>(key: K, payload: PayloadOf<K>): Promise<Result<ResultOf<K>>> {
  try {
    const raw = (await invoke<unknown>(key, payload as Record<string, unknown>)) as unknown;
    const value = raw && typeof raw === 'object' && 'body' in raw && !('ok' in raw) ? (raw as { body: unknown }).body : raw;
    if (value && typeof value === 'object' && 'ok' in value) return value as Result<ResultOf<K>>;
    return { ok: false, error: { code: 'INTERNAL', message: 'The app answered in an unexpected way: reload the page.' } };
  } catch {
    return { ok: false, error: { code: 'UNREACHABLE', message: 'The app could not be reached: check your connection and reload the page.' } };
  }
}
