import type { Event } from '@spotlight/contracts';
import { Link } from 'react-router-dom';
import { EventFacts } from '../../shared/events';

export function EventCard({ event }: { event: Event }) {
  return (
    <li>
      <Link
        to={`/events/${event.id}`}
        className="block rounded-2xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-violet-300 focus-visible:outline focus-visible:outline-2 focus-visible:outline-violet-600"
      >
        <div className="flex items-start justify-between gap-2">
          <h2 className="min-w-0 font-semibold text-slate-900 [overflow-wrap:anywhere]">
            {event.name}
          </h2>
          {event.checkedIn ? (
            <span className="shrink-0 rounded-full bg-violet-100 px-2 py-0.5 text-xs font-semibold text-violet-800">
              Checked in<span className="sr-only"> at the venue</span>
            </span>
          ) : (
            event.joined && (
              <span className="shrink-0 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800">
                Joined<span className="sr-only"> this event</span>
              </span>
            )
          )}
        </div>
        <EventFacts event={event} />
      </Link>
    </li>
  );
}
