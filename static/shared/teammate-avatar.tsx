import Avatar, { AvatarContent } from '@atlaskit/avatar';
import { useState, type CSSProperties } from 'react';

/** The first letter of the first and last words: "Priya Silva" → "PS", "Ada" → "A". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => w.length > 0);
  const first = (w: string | undefined) => (w === undefined ? '' : (Array.from(w)[0] ?? ''));
  return (first(words[0]) + (words.length > 1 ? first(words[words.length - 1]) : '')).toUpperCase();
}

const fill: CSSProperties = { display: 'block', width: '100%', height: '100%', borderRadius: '50%' };
const pictureStyle: CSSProperties = { ...fill, objectFit: 'cover' };
const initialsStyle: CSSProperties = {
  ...fill,
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  background: 'var(--ds-background-accent-gray-subtler, #DDDEE1)',
  color: 'var(--ds-text, #292A2E)',
  fontSize: 10,
  fontWeight: 600,
  lineHeight: 1,
  userSelect: 'none',
};

/**
 * A teammate's Atlaskit avatar: their picture when the resolver sent one, their initials when it
 * did not (none stored, privacy mode) or when the picture fails to load. Atlaskit's own fallback
 * is a generic person icon, so the content is ours. The picture is fetched without a referrer:
 * the avatar host learns nothing about the page showing it.
 */
export function TeammateAvatar({ name, src }: { name: string; src?: string }) {
  const [failed, setFailed] = useState<string | undefined>(undefined);
  const picture = src !== undefined && src !== failed ? src : undefined;
  return (
    <Avatar size="small" name={name}>
      <AvatarContent>
        {picture !== undefined ? (
          <img src={picture} alt="" referrerPolicy="no-referrer" data-testid="teammate-avatar-picture" style={pictureStyle} onError={() => setFailed(picture)} />
        ) : (
          <span aria-hidden="true" data-testid="teammate-avatar-initials" style={initialsStyle}>
            {initialsOf(name)}
          </span>
        )}
      </AvatarContent>
    </Avatar>
  );
}
