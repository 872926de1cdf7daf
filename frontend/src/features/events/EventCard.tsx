import type { Event } from '@spotlight/contracts';
import { Link } from 'react-router-dom';
import { EventFacts } from '../../shared/events';
import { useTranslation } from 'react-i18next';

export function EventCard({ event }: { event: Event }) {
  const { t } = useTranslation();
  return (
    <li>
      <Link
        to={`/events/${event.id}`}
        className="block rounded-2xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-violet-300 focus-visible:outline focus-visible:outline-2 focus-visible:outline-violet-600"
      >
        <div className="flex items-start justify-between gap-2">
          <h2 dir="auto" className="min-w-0 font-semibold text-slate-900 [overflow-wrap:anywhere]">
            {event.name}
          </h2>
          {event.checkedIn ? (
            <span className="shrink-0 rounded-full bg-violet-100 px-2 py-0.5 text-xs font-semibold text-violet-800">
              {t('events.card.checkedIn')}
              <span className="sr-only">{t('events.card.checkedInDetail')}</span>
            </span>
          ) : (
            event.joined && (
              <span className="shrink-0 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800">
                {t('events.card.joined')}
                <span className="sr-only">{t('events.card.joinedDetail')}</span>
              </span>
            )
          )}
        </div>
        <EventFacts event={event} />
      </Link>
    </li>
  );
}
