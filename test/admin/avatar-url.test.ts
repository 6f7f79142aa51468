import { avatarFor, avatarUrlSchema, avatarUrlsSchema, pictureOf, safeAvatarUrl } from '../../src/domain/avatar';
import { jiraUserSchema } from '../../src/sources/jira/get-myself';
import { teammateSchema } from '../../src/domain/config';

/** Only pictures on Atlassian's avatar hosts are kept; everything else is dropped, not repaired. */
describe('avatar URLs', () => {
  const uploaded = 'https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/5b10ac8d82e05b22cc7d4ef5/3a1b/48?size=48&s=48';
  const initials = 'https://avatar-management--avatars.server-location.prod.public.atl-paas.net/initials/MK-5.png?size=48&s=48';
  const gravatar = 'https://secure.gravatar.com/avatar/906ffbfe1ad0998daccbf7b820aace5b?d=https%3A%2F%2Favatar-management--avatars.us-west-2.prod.public.atl-paas.net%2Finitials%2FOM-3.png';

  it('keeps the avatar service (any region) and Gravatar over https', () => {
    for (const url of [uploaded, initials, gravatar]) {
      expect(safeAvatarUrl(url)).toBe(url);
      expect(avatarUrlSchema.safeParse(url).success).toBe(true);
    }
    // Host names are case-insensitive: the normalised form is kept.
    expect(safeAvatarUrl('https://SECURE.gravatar.com/avatar/abc')).toBe('https://secure.gravatar.com/avatar/abc');
  });

  it.each([
    ['plain http', 'http://secure.gravatar.com/avatar/abc'],
    ['another host', 'https://example.com/avatar.png'],
    ['a look-alike suffix', 'https://secure.gravatar.com.example.com/avatar/abc'],
    ['a look-alike prefix', 'https://evil-secure.gravatar.com/avatar/abc'],
    ['another atl-paas service', 'https://other-service.us-west-2.prod.public.atl-paas.net/x.png'],
    ['a staging avatar host', 'https://avatar-management--avatars.us-west-2.staging.public.atl-paas.net/initials/MM-3.png'],
    ['the site itself', 'https://acme.atlassian.net/secure/useravatar?ownerId=u-1&size=48'],
    ['credentials', 'https://user:pw@secure.gravatar.com/avatar/abc'],
    ['a port', 'https://secure.gravatar.com:8443/avatar/abc'],
    ['a fragment', 'https://secure.gravatar.com/avatar/abc#x'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:image/svg+xml,<svg/>'],
    ['a relative path', '/wiki/aa-avatar/u-1'],
    ['not a URL', 'not a url'],
    ['too long', `https://secure.gravatar.com/avatar/${'a'.repeat(1000)}`],
  ])('drops %s', (_why, url) => {
    expect(safeAvatarUrl(url)).toBeUndefined();
    expect(avatarUrlSchema.safeParse(url).success).toBe(false);
  });

  it('drops what is not a string', () => {
    for (const v of [undefined, null, 42, {}, ['https://secure.gravatar.com/avatar/abc']]) expect(safeAvatarUrl(v)).toBeUndefined();
  });

  it('takes the 48x48 picture of a Jira user\'s avatarUrls, nothing else', () => {
    expect(pictureOf({ '16x16': 'https://secure.gravatar.com/avatar/s16', '48x48': gravatar })).toBe(gravatar);
    expect(pictureOf({ '24x24': gravatar })).toBeUndefined();
    expect(pictureOf({ '48x48': 'https://acme.atlassian.net/secure/useravatar?size=48' })).toBeUndefined();
    expect(pictureOf(undefined)).toBeUndefined();
    // A bean of another shape reads as no picture, and the user it came with still parses.
    expect(pictureOf(avatarUrlsSchema.parse('https://secure.gravatar.com/avatar/abc'))).toBeUndefined();
    expect(jiraUserSchema.parse({ accountId: 'u-1', avatarUrls: 42 })).toEqual({ accountId: 'u-1' });
    expect(jiraUserSchema.parse({ accountId: 'u-1', avatarUrls: { '48x48': gravatar } }).avatarUrls).toEqual({ '48x48': gravatar });
  });

  it('ties a picture to its account', () => {
    expect(avatarFor('u-1', gravatar)).toEqual({ accountId: 'u-1', url: gravatar });
    expect(avatarFor('', gravatar)).toBeUndefined();
    expect(avatarFor('u-1', 'https://example.com/x.png')).toBeUndefined();
  });

  it('reads a stored teammate without a picture, and one whose picture is no longer allowed as having none', () => {
    const base = { id: 'tm-1', name: 'Rita', externalIds: [{ dataSourceId: '*', type: 'accountId', value: 'u-1' }], mappedAt: '2026-01-01T00:00:00.000Z' };
    expect(teammateSchema.parse(base)).toEqual(base);
    expect(teammateSchema.parse({ ...base, avatar: { accountId: 'u-1', url: gravatar } }).avatar).toEqual({ accountId: 'u-1', url: gravatar });
    const dropped = teammateSchema.parse({ ...base, avatar: { accountId: 'u-1', url: 'https://example.com/x.png' } });
    expect(dropped.avatar).toBeUndefined();
    expect(JSON.parse(JSON.stringify(dropped))).toEqual(base);
  });
});
