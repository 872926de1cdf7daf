import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { cx } from '../../ui/cx';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { EmptyState } from '../../ui/States';
import { InstallBanner } from '../pwa';
import { EventCard } from './EventCard';
import { eventListQuery, type EventWhen } from '../../shared/events';
import { ShowMore } from '../../ui/ShowMore';

const TABS: { value: EventWhen; label: string }[] = [
  { value: 'upcoming', label: 'Upcoming' },
  { value: 'past', label: 'Past' },
];

/** Events: search by name or place, upcoming or past; joined ones are marked. */
export function EventsPage() {
  const [params, setParams] = useSearchParams();
  const when: EventWhen = params.get('when') === 'past' ? 'past' : 'upcoming';
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const searchId = useId();

  // Search as the user types, without a request per keystroke.
  useEffect(() => {
    if (search.trim() === q) return;
    const timer = setTimeout(() => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (search.trim()) next.set('q', search.trim());
          else next.delete('q');
          return next;
        },
        { replace: true },
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [search, q, setParams]);

  const events = useInfiniteQuery(eventListQuery({ q, when }));

  const handleTab = (value: EventWhen) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === 'upcoming') next.delete('when');
        else next.set('when', value);
        return next;
      },
      { replace: true },
    );

  return (
    <div className="space-y-4 p-4">
      <PageHeader title="Events" subtitle="Find your event and check in" />
      <InstallBanner />
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={searchId} className="sr-only">
          Search events
        </label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder="Search by name or city"
          className="block min-h-11 w-full rounded-xl border border-slate-300 bg-white px-3 text-base focus:border-violet-600 focus:outline-none focus:ring-2 focus:ring-violet-200"
        />
      </form>
      <div
        role="group"
        aria-label="When"
        className="grid grid-cols-2 gap-1 rounded-xl bg-slate-200 p-1"
      >
        {TABS.map((tab) => (
          <button
            key={tab.value}
            type="button"
            aria-pressed={when === tab.value}
            onClick={() => handleTab(tab.value)}
            className={cx(
              'min-h-11 rounded-lg text-sm font-semibold',
              when === tab.value ? 'bg-white text-violet-800 shadow-sm' : 'text-slate-700',
            )}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <QueryState query={events} what="events">
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) {
            return (
              <EmptyState title={q ? `No events match “${q}”` : `No ${when} events`}>
                {q ? 'Try another name or city.' : 'Check back soon.'}
              </EmptyState>
            );
          }
          return (
            <>
              <ul className="space-y-3" aria-busy={events.isFetching}>
                {items.map((event) => (
                  <EventCard key={event.id} event={event} />
                ))}
              </ul>
              <ShowMore pages={events}>Show more events</ShowMore>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
