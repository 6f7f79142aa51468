import { z } from 'zod';

/**
 * People's pictures, as Jira gives them: a user's `avatarUrls` (AvatarUrlsBean) holds one URL per
 * size, keyed `16x16`, `24x24`, `32x32` and `48x48` (Jira platform REST v3, `AvatarUrlsBean`).
 * Jira Cloud serves them from Atlassian's avatar service,
 * `https://avatar-management--avatars.<region>.prod.public.atl-paas.net/...` (the User examples of
 * the v3 OpenAPI document), or from Gravatar, `https://secure.gravatar.com/avatar/<hash>?d=<the
 * avatar service's initials picture>`, for an account without an uploaded picture.
 *
 * Only those hosts are kept: a URL elsewhere (another host, `http:`, a port, credentials, a
 * fragment) is dropped, never stored or sent to a page. They are the hosts Atlassian's own
 * manifest validator treats as allowed to Custom UI without a `permissions.external.images` entry
 * (`@forge/manifest` AVATAR_URLS: `*.gravatar.com`, `*.wp.com`, `*.atl-paas.net`), so the pages
 * load them without widening the app's declared egress.
 */
const AVATAR_HOSTS: readonly RegExp[] = [/^avatar-management--avatars\.[a-z0-9-]+\.prod\.public\.atl-paas\.net$/, /^secure\.gravatar\.com$/];

export const AVATAR_URL_MAX = 1000;

/** The URL, normalised, when it is a picture on an Atlassian avatar host; otherwise undefined. */
export function safeAvatarUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > AVATAR_URL_MAX) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '' || url.hash !== '') return undefined;
  if (!AVATAR_HOSTS.some((h) => h.test(url.hostname))) return undefined;
  return url.href.length <= AVATAR_URL_MAX ? url.href : undefined;
}

export const avatarUrlSchema = z
  .string()
  .max(AVATAR_URL_MAX)
  .refine((s) => safeAvatarUrl(s) === s, 'Not a picture on an Atlassian avatar host');

/**
 * Jira's AvatarUrlsBean as the app reads it: the 48x48 URL. A bean of another shape reads as no
 * picture rather than failing the user it came with.
 */
export const avatarUrlsSchema = z.looseObject({ '48x48': z.string().optional() }).optional().catch(undefined);
export type AvatarUrls = z.infer<typeof avatarUrlsSchema>;

/** The 48x48 picture of a Jira user's `avatarUrls`, when it is on an allowed host. */
export function pictureOf(avatarUrls: AvatarUrls): string | undefined {
  return safeAvatarUrl(avatarUrls?.['48x48']);
}

/**
 * A teammate's picture and the account it belongs to: when the teammate stops having that
 * account, the picture goes with it.
 */
export const teammateAvatarSchema = z.object({
  accountId: z.string().min(1).max(128),
  url: avatarUrlSchema,
});
export type TeammateAvatar = z.infer<typeof teammateAvatarSchema>;

/** A picture for this account, when the URL is one to keep. */
export function avatarFor(accountId: string, url: unknown): TeammateAvatar | undefined {
  const safe = safeAvatarUrl(url);
  return safe && accountId ? { accountId, url: safe } : undefined;
}
