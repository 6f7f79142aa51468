import { invoke } from '@forge/bridge';
import type { DashboardKey, DashboardPayload, DashboardResult } from '../../../../src/shared/dashboard-contract';
import type { Result } from '../../../../src/shared/result';

/** One resolver call. Bridge 7.2 may wrap the answer in {body}; anything else odd becomes an error. */
export async function call<K extends DashboardKey>(key: K, payload: DashboardPayload<K>): Promise<Result<DashboardResult<K>>> {
  try {
    const raw = (await invoke<unknown>(key, payload as Record<string, unknown>)) as unknown;
    const value = raw && typeof raw === 'object' && 'body' in raw && !('ok' in raw) ? (raw as { body: unknown }).body : raw;
    if (value && typeof value === 'object' && 'ok' in value) return value as Result<DashboardResult<K>>;
    return { ok: false, error: { code: 'INTERNAL', message: 'The app answered in an unexpected way: reload the page.' } };
  } catch {
    return { ok: false, error: { code: 'UNREACHABLE', message: 'The app could not be reached: check your connection and reload the page.' } };
  }
}
