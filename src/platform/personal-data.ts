import { privacy } from '@forge/api';

export interface ReportedAccount {
  accountId: string;
  /** When the app last stored or refreshed data about this account (ISO instant). */
  updatedAt: string;
}

export interface AccountStatus {
  accountId: string;
  status: 'closed' | 'updated';
}

/** Forge accepts at most this many accounts per report call. */
export const REPORT_BATCH = 90;

/**
 * Asks Atlassian which of the given accounts were closed (their data must be erased) or
 * changed their profile since `updatedAt`. Accounts needing nothing are left out of the answer.
 */
export async function reportPersonalData(accounts: ReportedAccount[]): Promise<AccountStatus[]> {
  const out: AccountStatus[] = [];
  for (let i = 0; i < accounts.length; i += REPORT_BATCH) {
    const answer = await privacy.reportPersonalData(accounts.slice(i, i + REPORT_BATCH));
    for (const a of answer ?? []) out.push({ accountId: a.accountId, status: a.status });
  }
  return out;
}
