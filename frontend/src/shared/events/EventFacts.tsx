import type { Event } from '@spotlight/contracts';
import { formatDateRange } from '../../lib/time';

/** An event's dates, place and dancer count, under its name on a card. */
export function EventFacts({ event }: { event: Event }) {
  return (
    <>
      <p className="mt-1 text-sm text-slate-600">
        {formatDateRange(event.startDate, event.endDate)} · {event.location}
      </p>
      <p className="mt-1 text-xs text-slate-500">
        {event.participantsCount} {event.participantsCount === 1 ? 'dancer' : 'dancers'}
      </p>
    </>
  );
}
