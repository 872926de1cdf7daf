import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from '../../ui/Button';
import { AnnouncementItem } from './AnnouncementItem';
import { announcementsQuery } from './queries';
import { useTranslation } from 'react-i18next';

/**
 * The organisers' announcements pinned above the event chat, newest first: the newest in full,
 * the others one tap away (a phone screen is mostly for the chat). Live through the socket.
 */
export function PinnedAnnouncements({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const announcements = useQuery(announcementsQuery(eventId));
  const [showAll, setShowAll] = useState(false);
  const listId = useId();

  if (announcements.data === undefined) {
    if (!announcements.error) {
      return (
        <p className="border-b border-slate-200 bg-white px-4 py-1 text-xs text-slate-500">
          {t('announcements.loading')}
        </p>
      );
    }
    return (
      <div
        role="alert"
        className="flex items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 py-1 text-sm text-red-700"
      >
        {t('announcements.loadFailed')}
        <Button variant="ghost" onClick={() => void announcements.refetch()}>
          {t('announcements.tryAgain')}
        </Button>
      </div>
    );
  }
  const items = announcements.data.items;
  if (items.length === 0) return null;
  const shown = showAll ? items : items.slice(0, 1);
  return (
    <section
      aria-label={t('announcements.pinned')}
      className="max-h-[45%] shrink-0 space-y-2 overflow-y-auto border-b border-amber-200 bg-amber-100/60 px-3 py-2"
    >
      <ul id={listId} className="space-y-2">
        {shown.map((announcement) => (
          <li key={announcement.id}>
            <AnnouncementItem announcement={announcement} />
          </li>
        ))}
      </ul>
      {items.length > 1 && (
        <Button
          variant="ghost"
          className="w-full"
          aria-expanded={showAll}
          aria-controls={listId}
          onClick={() => setShowAll((v) => !v)}
        >
          {showAll ? t('announcements.newestOnly') : t('announcements.all', { n: items.length })}
        </Button>
      )}
    </section>
  );
}
