import type { Event } from '@spotlight/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateRange } from '../../lib/time';

/** An event's dates, place and dancer count, under its name on a card. */
export function EventFacts({ event }: { event: Event }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="mt-1 text-sm text-slate-600">
        {formatDateRange(event.startDate, event.endDate)} · {event.location}
      </p>
      <p className="mt-1 text-xs text-slate-500">
        {t('shared.dancers', { count: event.participantsCount })}
      </p>
    </>
  );
}
