import { useState } from 'react';
import { cx } from './cx';

/** Only http(s) images (uploaded ones are same-origin paths): an avatar URL is user content. */
const safeImage = (url: string | null) => {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, globalThis.location?.origin ?? 'http://localhost');
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
};

const graphemes =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    : undefined;

/** The first character a reader sees: a whole emoji, or a letter with its accents. */
const firstGrapheme = (part: string) => {
  if (graphemes) return graphemes.segment(part)[Symbol.iterator]().next().value?.segment ?? '';
  return Array.from(part)[0] ?? '';
};

/** Up to two initials, each one grapheme cluster ("Marta 💃" is "M💃", never "M\uFFFD"). */
export const initials = (name: string) =>
  name
    .normalize('NFC')
    .split(/[\s._-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => firstGrapheme(part).toLocaleUpperCase())
    .join('') || '?';

export function Avatar({
  name,
  url,
  size = 'md',
}: {
  name: string;
  url: string | null;
  size?: 'sm' | 'md' | 'lg';
}) {
  const [failed, setFailed] = useState(false);
  const src = failed ? undefined : safeImage(url);
  const box =
    size === 'sm' ? 'h-8 w-8 text-xs' : size === 'lg' ? 'h-16 w-16 text-xl' : 'h-10 w-10 text-sm';
  if (src) {
    return (
      <img
        src={src}
        alt=""
        referrerPolicy="no-referrer"
        onError={() => setFailed(true)}
        className={cx('shrink-0 rounded-full bg-slate-200 object-cover', box)}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className={cx(
        'inline-flex shrink-0 items-center justify-center rounded-full bg-violet-100 font-semibold text-violet-800',
        box,
      )}
    >
      {initials(name)}
    </span>
  );
}

/** The name people see: the display name, else the username. */
export const nameOf = (user: { username: string; displayName: string | null }) =>
  user.displayName || user.username;
