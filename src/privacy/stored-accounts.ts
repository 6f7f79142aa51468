import type { TeammatesDoc } from '../domain/config';
import type { ActivityRepository } from '../store/activity-repository';

/** The account ids a teammate stands for: typed account ids and emails resolved to one. */
export function teammateAccountIds(t: TeammatesDoc['teammates'][number]): string[] {
  const out = new Set<string>();
  for (const x of t.externalIds) {
    if (x.type === 'accountId') out.add(x.value);
    for (const r of Object.values(x.resolutions ?? {})) if (r.accountId) out.add(r.accountId);
  }
  return [...out];
}

/**
 * Every Atlassian account id the app stores, with when it last stored data about it: the
 * teammates (by mapping time) and the actors of stored activities (by their latest activity).
 * Activities are read through the time index, a page at a time, keeping only two numbers each.
 * The per-viewer permission cache is left out: its entries expire within minutes, long before
 * the next daily report.
 */
export async function storedAccounts(activities: ActivityRepository, teammates: TeammatesDoc): Promise<Map<string, number>> {
  const latest = new Map<string, number>();
  const note = (accountId: string, ms: number) => {
    if (!accountId) return;
    latest.set(accountId, Math.max(latest.get(accountId) ?? 0, ms));
  };
  for (const t of teammates.teammates) for (const id of teammateAccountIds(t)) note(id, Date.parse(t.mappedAt) || 0);
  for await (const a of activities.actorAccounts()) note(a.accountId, a.atMs);
  return latest;
}
