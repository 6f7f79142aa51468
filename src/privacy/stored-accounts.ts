import type { TeammatesDoc } from '../domain/config';
import { ENTITY, INDEX } from '../store/keys';
import type { KvsPort } from '../store/kvs-port';

const PAGE = 100;
const MAX_SEC = 2 ** 31 - 1;

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
export async function storedAccounts(kvs: KvsPort, teammates: TeammatesDoc): Promise<Map<string, number>> {
  const latest = new Map<string, number>();
  const note = (accountId: string, ms: number) => {
    if (!accountId) return;
    latest.set(accountId, Math.max(latest.get(accountId) ?? 0, ms));
  };
  for (const t of teammates.teammates) for (const id of teammateAccountIds(t)) note(id, Date.parse(t.mappedAt) || 0);
  let cursor: string | undefined;
  do {
    const page = await kvs.entityQuery<{ accountId?: unknown; atSec?: unknown }>(ENTITY.activity, {
      index: INDEX.activity.byTime,
      range: { op: 'between', from: 0, to: MAX_SEC },
      limit: PAGE,
      cursor,
    });
    for (const r of page.results) {
      if (typeof r.value.accountId === 'string') note(r.value.accountId, Number(r.value.atSec) * 1000 || 0);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return latest;
}
