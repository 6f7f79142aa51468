import type { Settings } from '../domain/config';
import { fail, ok, type Result } from '../shared/result';
import { describeError } from '../sources/errors';
import { findGroups } from '../sources/jira/find-groups';
import type { AdminDeps } from './deps';

export async function saveSyncSettings(deps: AdminDeps, p: { syncIntervalMinutes: number; historyDays: number }): Promise<Result<Settings>> {
  const current = await deps.config.getSettings();
  return ok(await deps.config.saveSettings({ ...current, syncIntervalMinutes: p.syncIntervalMinutes, historyDays: p.historyDays }));
}

/**
 * Who may open the dashboard. Each group must exist on the host site: a typo would otherwise
 * lock a whole team out without anyone noticing.
 */
export async function saveAccessSettings(deps: AdminDeps, p: { dashboardGroups: string[]; privacyMode: boolean }): Promise<Result<Settings>> {
  const groups = [...new Set(p.dashboardGroups.map((g) => g.trim()).filter(Boolean))];
  for (const [i, g] of groups.entries()) {
    try {
      const found = await findGroups(deps.hostJira(), g, 50);
      if (!found.some((f) => f.name.toLowerCase() === g.toLowerCase())) {
        return fail('BAD_REQUEST', `There is no group called "${g}" on this site.`, `dashboardGroups.${i}`);
      }
    } catch (e) {
      const d = describeError(e);
      return fail(d.code, `Could not check the group "${g}": ${d.message}`, `dashboardGroups.${i}`);
    }
  }
  const current = await deps.config.getSettings();
  return ok(await deps.config.saveSettings({ ...current, dashboardGroups: groups, privacyMode: p.privacyMode }));
}
