import type { TeammateAvatar } from '../domain/avatar';
import type { Teammate } from '../domain/config';
import { personKeys } from './teammate-identity';

/**
 * A teammate with the picture they should have: `fresh` (just read from the site) when there is
 * one, else the stored one while its account is still one of theirs. A picture never outlives the
 * identity it came from: take the account away and the picture goes too.
 */
export function withAvatar(t: Teammate, fresh?: TeammateAvatar): Teammate {
  const accounts = new Set(personKeys(t).accounts);
  const picture = [fresh, t.avatar].find((a) => a !== undefined && accounts.has(a.accountId));
  if (picture) return { ...t, avatar: picture };
  const rest = { ...t };
  delete rest.avatar;
  return rest;
}
