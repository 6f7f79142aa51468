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
  if (p.dashboardGroups.length > 20) return fail('BAD_REQUEST', 'List at most 20 groups.', 'dashboardGroups');
  const groups: string[] = [];
  // Indexes refer to the payload's list, so the message lands next to the row the admin typed.
  for (const [i, raw] of p.dashboardGroups.entries()) {
    const g = raw.trim();
    if (!g || groups.some((x) => x.toLowerCase() === g.toLowerCase())) continue;
    groups.push(g);
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
