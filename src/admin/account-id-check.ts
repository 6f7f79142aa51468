import { avatarFor, pictureOf, type TeammateAvatar } from '../domain/avatar';
import type { DataSource, ExternalId } from '../domain/config';
import { isNotFoundError } from '../sources/errors';
import { getUser } from '../sources/jira/get-user';
import type { SiteClient } from '../sources/site-client';
import type { AdminDeps } from './deps';
import { hostPicture, type SitePicture } from './teammate-avatar';

/**
 * What one site said about an account ID. `unknown` when it could not say: unreachable, refused
 * (401/403), rate limited, a server error, too slow, or an answer about another account.
 */
export type AccountAnswer = { status: 'found'; avatar?: TeammateAvatar } | { status: 'not-found' } | { status: 'unknown' };

/** One user lookup; never throws. */
export async function lookUpAccount(client: SiteClient, accountId: string): Promise<AccountAnswer> {
  try {
    const user = await getUser(client, accountId);
    // Jira answers "unknown" as the id of a corrupted record: that proves nothing either way.
    if (user.accountId !== accountId) return { status: 'unknown' };
    const avatar = avatarFor(user.accountId, pictureOf(user.avatarUrls));
    return { status: 'found', ...(avatar ? { avatar } : {}) };
  } catch (e) {
    return isNotFoundError(e) ? { status: 'not-found' } : { status: 'unknown' };
  }
}

/** A save waits this long for all its lookups together; what is not answered by then is saved unchecked. */
export const ACCOUNT_LOOKUP_BUDGET_MS = 8_000;
/** A save asks at most this many times (a form has few typed IDs and few sources). */
export const MAX_ACCOUNT_LOOKUPS = 20;

/** One timer for every lookup of a save, cleared when they are done. */
function lookupBudget(ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let over = false;
  const expired = new Promise<AccountAnswer>((resolve) => {
    timer = setTimeout(() => {
      over = true;
      resolve({ status: 'unknown' });
    }, ms);
  });
  return {
    isOver: () => over,
    race: (p: Promise<AccountAnswer>) => Promise.race([p, expired]),
    end: () => clearTimeout(timer),
  };
}

function names(list: string[]): string {
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}

export interface TypedAccountRow {
  /** Its place in the form, for the field error. */
  row: number;
  id: ExternalId;
}

export interface TypedAccountCheck {
  /** Rows whose ID no source it applies to knows, each with what to tell the admin. */
  problems: { row: number; message: string }[];
  /** The picture of a found account, when the host site found it (hostPicture). */
  avatar?: TeammateAvatar;
}

/**
 * Looks typed account IDs up on each enabled source they apply to. An account ID is the same on
 * every Cloud site, but one site's 404 does not prove a typo: its message, "Specified user does
 * not exist or you do not have required permissions", covers a person that site will not show
 * (e.g. https://github.com/solidify/jira-azuredevops-migrator/issues/329). So a row is refused
 * only when every source it applies to said 404; one source that knows the person, or one that
 * could not answer, and the ID is saved as typed: a network problem never blocks a save.
 */
export async function checkTypedAccounts(deps: Pick<AdminDeps, 'clientFor'>, rows: TypedAccountRow[], sources: DataSource[]): Promise<TypedAccountCheck> {
  const answers = new Map<string, AccountAnswer>();
  let asked = 0;
  const budget = lookupBudget(ACCOUNT_LOOKUP_BUDGET_MS);
  const ask = async (s: DataSource, accountId: string): Promise<AccountAnswer> => {
    const key = `${s.id}\n${accountId}`;
    const known = answers.get(key);
    if (known) return known;
    const client = deps.clientFor(s, 'jira');
    let answer: AccountAnswer = { status: 'unknown' };
    if (client && !budget.isOver() && asked < MAX_ACCOUNT_LOOKUPS) {
      asked += 1;
      answer = await budget.race(lookUpAccount(client, accountId));
    }
    answers.set(key, answer);
    return answer;
  };
  const problems: TypedAccountCheck['problems'] = [];
  const pictures: SitePicture[] = [];
  try {
    for (const { row, id } of rows) {
      const applies = sources.filter((s) => s.enabled && (id.dataSourceId === '*' || id.dataSourceId === s.id));
      const said: AccountAnswer[] = [];
      for (const s of applies) {
        const answer = await ask(s, id.value);
        said.push(answer);
        if (answer.status === 'found' && answer.avatar) pictures.push({ host: s.kind === 'host', avatar: answer.avatar });
      }
      if (said.length > 0 && said.every((a) => a.status === 'not-found')) {
        problems.push({ row, message: `No user with this account ID is visible on ${names(applies.map((s) => s.name))}: check it, or map the person by email.` });
      }
    }
  } finally {
    budget.end();
  }
  const avatar = hostPicture(pictures);
  return { problems, ...(avatar ? { avatar } : {}) };
}
