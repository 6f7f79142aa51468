import type { TeammatesDoc } from '../domain/config';

/**
 * accountId → teammateId for one data source. An account id given for '*' applies to every
 * Cloud site; an email counts once it resolved on this data source.
 */
export function teammateAccounts(doc: TeammatesDoc, dataSourceId: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of doc.teammates) {
    for (const x of t.externalIds) {
      if (x.dataSourceId !== '*' && x.dataSourceId !== dataSourceId) continue;
      if (x.type === 'accountId') out.set(x.value, t.id);
      const r = x.resolutions?.[dataSourceId];
      if (x.type === 'email' && r?.status === 'resolved' && r.accountId) out.set(r.accountId, t.id);
    }
  }
  return out;
}

/** The latest `mappedAt` among teammates mapped on this data source (0 when none). */
export function latestMappingMs(doc: TeammatesDoc, dataSourceId: string): number {
  const mapped = new Set(teammateAccounts(doc, dataSourceId).values());
  let latest = 0;
  for (const t of doc.teammates) if (mapped.has(t.id)) latest = Math.max(latest, Date.parse(t.mappedAt) || 0);
  return latest;
}
