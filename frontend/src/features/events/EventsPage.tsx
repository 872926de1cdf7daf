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
import { useTranslation } from 'react-i18next';

const TABS: { value: EventWhen; label: string }[] = [
  { value: 'upcoming', label: 'events.upcoming' },
  { value: 'past', label: 'events.past' },
];

/** Events: search by name or place, upcoming or past; joined ones are marked. */
export function EventsPage() {
  const { t } = useTranslation();
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
      <PageHeader title={t('events.title')} subtitle={t('events.subtitle')} />
      <InstallBanner />
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={searchId} className="sr-only">
          {t('events.search')}
        </label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('events.searchPlaceholder')}
          className="block min-h-11 w-full rounded-xl border border-slate-300 bg-white px-3 text-base focus:border-violet-600 focus:outline-none focus:ring-2 focus:ring-violet-200"
        />
      </form>
      <div
        role="group"
        aria-label={t('events.when')}
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
            {t(tab.label)}
          </button>
        ))}
      </div>
      <QueryState query={events} what={t('events.what.events')}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) {
            return (
              <EmptyState
                title={
                  q
                    ? t('events.noMatch', { q })
                    : when === 'past'
                      ? t('events.noPast')
                      : t('events.noUpcoming')
                }
              >
                {q ? t('events.tryAnother') : t('events.checkBack')}
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
              <ShowMore pages={events}>{t('events.showMore')}</ShowMore>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
