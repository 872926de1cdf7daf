import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Avatar, nameOf } from '../../ui/Avatar';
import { CountryFlag } from '../../ui/CountryFlag';
import { QueryState } from '../../ui/QueryState';
import { participantsQuery } from '../../shared/events';

/** Who joined the event, newest first; those who checked in at the venue are marked. */
export function Participants({ eventId }: { eventId: number }) {
  const participants = useQuery(participantsQuery(eventId));
  return (
    <section
      aria-labelledby="participants-title"
      className="space-y-2 rounded-2xl bg-white p-4 shadow-sm"
    >
      <h2 id="participants-title" className="font-semibold text-slate-900">
        Dancers
      </h2>
      <QueryState query={participants} what="the dancers">
        {(page) => (
          <>
            <ul className="divide-y divide-slate-100" aria-label="Dancers at this event">
              {page.items.map((dancer) => {
                const name = nameOf(dancer);
                return (
                  <li key={dancer.id} className="flex items-center gap-3 py-1">
                    <Avatar name={name} url={dancer.avatar} size="sm" />
                    <Link
                      to={`/users/${dancer.id}`}
                      className="flex min-h-11 min-w-0 flex-1 items-center font-medium text-slate-900 hover:underline"
                    >
                      <span className="truncate">{name}</span>
                    </Link>
                    {dancer.country && <CountryFlag code={dancer.country} />}
                    {dancer.checkedInAt && (
                      <span className="shrink-0 rounded-full bg-violet-100 px-2 py-0.5 text-xs font-semibold text-violet-800">
                        <span aria-hidden="true">✓ </span>Checked in
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
            {page.total > page.items.length && (
              <p className="text-xs text-slate-500">and {page.total - page.items.length} more</p>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
