import type { Settings } from '../domain/config';
import { ok, type Result } from '../shared/result';
import type { AdminDeps } from './deps';
import { checkHostGroups } from './group-checks';

export async function saveSyncSettings(deps: AdminDeps, p: { syncIntervalMinutes: number; historyDays: number }): Promise<Result<Settings>> {
  const current = await deps.config.getSettings();
  return ok(await deps.config.saveSettings({ ...current, syncIntervalMinutes: p.syncIntervalMinutes, historyDays: p.historyDays }));
}

/** Who may open the dashboard: each group must exist on the host site. */
export async function saveAccessSettings(deps: AdminDeps, p: { dashboardGroups: string[]; privacyMode: boolean }): Promise<Result<Settings>> {
  const groups = await checkHostGroups(deps, p.dashboardGroups, 'dashboardGroups');
  if (!groups.ok) return groups;
  const current = await deps.config.getSettings();
  return ok(await deps.config.saveSettings({ ...current, dashboardGroups: groups.data, privacyMode: p.privacyMode }));
}
