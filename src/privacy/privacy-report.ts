import type { AccountStatus, ReportedAccount } from '../platform/personal-data';
import { type ErasureDeps, type ErasureResult, eraseAccount } from './erase-account';
import { storedAccounts } from './stored-accounts';

export interface PrivacyReportDeps extends ErasureDeps {
  /** The personal data reporting API: which accounts were closed or updated. */
  report(accounts: ReportedAccount[]): Promise<AccountStatus[]>;
}

export interface PrivacyReportResult {
  reported: number;
  closed: number;
  updated: number;
  erased: ErasureResult;
}

/**
 * The daily personal data cycle: report every account id the app stores, then erase what it
 * keeps about each account Atlassian says was closed. 'updated' needs nothing: the app keeps
 * no copy of profile data it would have to refresh beyond what the admin page re-reads when
 * emails are resolved again.
 */
export async function runPrivacyReport(deps: PrivacyReportDeps): Promise<PrivacyReportResult> {
  const accounts = await storedAccounts(deps.activities, await deps.config.getTeammates());
  const list: ReportedAccount[] = [...accounts].map(([accountId, ms]) => ({ accountId, updatedAt: new Date(ms || 0).toISOString() }));
  const answers = list.length ? await deps.report(list) : [];
  const erased: ErasureResult = { activities: 0, weeks: 0, teammates: 0, cacheEntries: 0 };
  let closed = 0;
  for (const a of answers) {
    if (a.status !== 'closed' || !accounts.has(a.accountId)) continue;
    closed += 1;
    const r = await eraseAccount(deps, a.accountId);
    erased.activities += r.activities;
    erased.weeks += r.weeks;
    erased.teammates += r.teammates;
    erased.cacheEntries += r.cacheEntries;
  }
  return { reported: list.length, closed, updated: answers.filter((a) => a.status === 'updated').length, erased };
}
