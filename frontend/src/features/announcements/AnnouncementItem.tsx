import type { Announcement } from '@spotlight/contracts';
import type { ReactNode } from 'react';
import { nameOf } from '../../ui/Avatar';
import { RelativeTime } from '../../ui/RelativeTime';
import { useTranslation } from 'react-i18next';

/** The "Official" mark: a word, not only a colour, so that screen readers say it too. */
export function OfficialBadge() {
  const { t } = useTranslation();
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-amber-200 px-2 py-0.5 text-[11px] font-bold uppercase tracking-wide text-amber-950">
      <svg viewBox="0 0 24 24" className="h-3.5 w-3.5" fill="none" aria-hidden="true">
        <path
          d="M3 11v2a1 1 0 0 0 1 1h2l5 4V6L6 10H4a1 1 0 0 0-1 1zm13-3a5 5 0 0 1 0 8"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {t('announcements.official')}
    </span>
  );
}

/** One announcement: the official mark, the text (as text, never HTML), who and when. */
export function AnnouncementItem({
  announcement,
  children,
}: {
  announcement: Announcement;
  /** An action, e.g. "Withdraw" on the organiser's page. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <article
      aria-label={t('announcements.from', { name: nameOf(announcement.author) })}
      className="rounded-xl border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950"
    >
      <div className="flex flex-wrap items-center justify-between gap-x-2">
        <OfficialBadge />
        <RelativeTime value={announcement.createdAt} className="text-[11px] text-amber-900" />
      </div>
      <p
        dir="auto"
        className="mt-1 whitespace-pre-wrap text-sm font-medium [overflow-wrap:anywhere]"
      >
        {announcement.content}
      </p>
      <p className="mt-0.5 text-xs text-amber-900">— {nameOf(announcement.author)}</p>
      {children}
    </article>
  );
}
