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

/** A picture one site answered with, and whether that site is the host. */
export interface SitePicture {
  host: boolean;
  avatar: TeammateAvatar;
}

/**
 * The picture to keep of those the sites answered with: the host site's only. The app reads the
 * host site as itself, so it is given a picture only where the person lets apps see it; another
 * site is read with an admin's API token, whose view can include a picture the person shows only
 * to their organisation (https://developer.atlassian.com/cloud/jira/platform/profile-visibility/),
 * and every dashboard viewer would see what is kept.
 */
export function hostPicture(pictures: readonly SitePicture[]): TeammateAvatar | undefined {
  return pictures.find((p) => p.host)?.avatar;
}
