import { safeAvatarUrl } from '../domain/avatar';
import type { ViewerSession } from './viewer-session';

/**
 * teammateId → the picture this viewer is shown. Privacy mode shows counts only, so it shows no
 * faces either; a viewer refused the dashboard gets nothing; removed teammates have none. Each
 * URL is checked again on the way out, so a picture stored before a host was dropped from the
 * allowed list never reaches a page.
 */
export function teammatePictures(session: Pick<ViewerSession, 'access' | 'settings' | 'roster'>): ReadonlyMap<string, string> {
  const pictures = new Map<string, string>();
  if (!session.access.allowed || session.settings.privacyMode) return pictures;
  for (const t of session.roster.teammates) {
    const url = safeAvatarUrl(t.avatar?.url);
    if (url) pictures.set(t.id, url);
  }
  return pictures;
}
