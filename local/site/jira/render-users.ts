import type { FixtureUser } from '../fixture-schema';
import type { Viewer } from '../viewer';

/** Jira user shapes (UserDetails inside issues, User on user endpoints). */

export function avatarUrls(siteUrl: string, accountId: string, picture?: string): Record<string, string> {
  const sized = (n: number) => {
    if (picture === undefined) return `${siteUrl}/secure/useravatar?ownerId=${encodeURIComponent(accountId)}&size=${n}`;
    const u = new URL(picture);
    u.searchParams.set('size', String(n));
    u.searchParams.set('s', String(n));
    return u.href;
  };
  return { '48x48': sized(48), '24x24': sized(24), '16x16': sized(16), '32x32': sized(32) };
}

/** Hidden emails are withheld from everyone but their owner, as with Atlassian profile privacy. */
export function visibleEmail(user: FixtureUser, viewer: Viewer): string | undefined {
  return user.emailVisible || viewer.user?.accountId === user.accountId ? user.email : undefined;
}

export function userDetails(user: FixtureUser, viewer: Viewer): Record<string, unknown> {
  const email = visibleEmail(user, viewer);
  return {
    self: `${viewer.state.siteUrl}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    ...(email !== undefined ? { emailAddress: email } : {}),
    avatarUrls: avatarUrls(viewer.state.siteUrl, user.accountId, user.avatarUrl),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone ?? 'UTC',
    accountType: user.accountType ?? 'atlassian',
  };
}

/** UserDetails for an account id; an id the site does not know renders as a former user. */
export function userDetailsById(accountId: string, viewer: Viewer): Record<string, unknown> {
  const user = viewer.state.usersById.get(accountId);
  if (user) return userDetails(user, viewer);
  return {
    self: `${viewer.state.siteUrl}/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`,
    accountId,
    avatarUrls: avatarUrls(viewer.state.siteUrl, accountId),
    displayName: 'Former user',
    active: false,
    accountType: 'atlassian',
  };
}

export function groupNames(user: FixtureUser, viewer: Viewer): Array<Record<string, unknown>> {
  return user.groups.map((name) => {
    const groupId = viewer.state.groupId(name) ?? name;
    return { name, groupId, self: `${viewer.state.siteUrl}/rest/api/3/group?groupId=${encodeURIComponent(groupId)}` };
  });
}

/** The full User bean (myself, user, user/search, user/bulk). */
export function fullUser(user: FixtureUser, viewer: Viewer, expand: string[] = []): Record<string, unknown> {
  const email = visibleEmail(user, viewer);
  const groups = groupNames(user, viewer);
  return {
    self: `${viewer.state.siteUrl}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    accountType: user.accountType ?? 'atlassian',
    ...(email !== undefined ? { emailAddress: email } : {}),
    avatarUrls: avatarUrls(viewer.state.siteUrl, user.accountId, user.avatarUrl),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone ?? 'UTC',
    locale: 'en_US',
    groups: { size: groups.length, items: expand.includes('groups') ? groups : [] },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  };
}

/** The Forge app's own bot account, returned by myself / user/current for the app identity. */
export const APP_USER: FixtureUser = {
  accountId: '712020:activitypulse-app',
  displayName: 'ActivityPulse for Jira',
  email: 'noreply@connect.atlassian.invalid',
  emailVisible: false,
  active: true,
  accountType: 'app',
  groups: [],
};
