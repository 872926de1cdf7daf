import type { Event } from '@spotlight/contracts';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../lib/errors';
import { ButtonLink } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { Loading } from '../../ui/Spinner';
import { EmptyState, ErrorState } from '../../ui/States';
import { EventFacts, eventQuery } from '../../shared/events';
import { useMe } from '../../shared/session';
import { CreateEventForm } from './EventForm';
import { ImportEventsForm } from './ImportEventsForm';

function OrganisedEvent({ event }: { event: Event }) {
  return (
    <li>
      <Link
        to={`/organise/${event.id}`}
        className="block rounded-2xl border border-slate-200 bg-white p-4 shadow-sm hover:border-violet-300 focus-visible:outline focus-visible:outline-2 focus-visible:outline-violet-600"
      >
        <h3 className="font-semibold text-slate-900 [overflow-wrap:anywhere]">{event.name}</h3>
        <EventFacts event={event} />
      </Link>
    </li>
  );
}

/** The events the signed-in user organises, and the ways to add more. */
export function OrganisePage() {
  const { t } = useTranslation();
  const me = useMe();
  const events = useQueries({ queries: me.organiserOf.map((id) => eventQuery(id)) });
  const failed = events.find((q) => q.error);
  const loaded = events.flatMap((q) => (q.data ? [q.data] : []));
  const [created, setCreated] = useState<Event>();

  return (
    <div className="space-y-5 p-4">
      <PageHeader title={t('organiser.page.title')} subtitle={t('organiser.page.subtitle')} />
      {me.isAdmin && (
        <p className="rounded-xl bg-violet-50 p-3 text-sm text-violet-900">
          <Trans
            i18nKey="organiser.page.admin"
            components={{
              events: <Link to="/events" className="font-semibold underline" />,
              create: <a href="#new-event" className="font-semibold underline" />,
            }}
          />
        </p>
      )}
      <section aria-labelledby="organised-title" className="space-y-3">
        <h2 id="organised-title" className="font-semibold text-slate-900">
          {t('organiser.page.yours')}
        </h2>
        {me.organiserOf.length === 0 ? (
          <EmptyState title={t('organiser.page.noEventsTitle')}>
            {t('organiser.page.noEvents', { username: me.username })}
          </EmptyState>
        ) : (
          <>
            {loaded.length > 0 && (
              <ul className="space-y-3">
                {loaded.map((event) => (
                  <OrganisedEvent key={event.id} event={event} />
                ))}
              </ul>
            )}
            {failed ? (
              <ErrorState
                message={errorMessage(failed.error)}
                onRetry={() => events.forEach((q) => q.error && void q.refetch())}
              />
            ) : (
              loaded.length < events.length && <Loading label={t('organiser.page.loadingEvents')} />
            )}
          </>
        )}
      </section>
      <section
        id="new-event"
        aria-labelledby="new-event-title"
        className="space-y-3 rounded-2xl bg-white p-4 shadow-sm"
      >
        <h2 id="new-event-title" className="font-semibold text-slate-900">
          {t('organiser.page.newEvent')}
        </h2>
        {created && (
          <div role="status" className="space-y-2 rounded-xl bg-emerald-50 p-3 text-sm">
            <p className="text-emerald-900">
              {t('organiser.page.created', { name: created.name })}
            </p>
            <ButtonLink to={`/organise/${created.id}`} variant="secondary" className="w-full">
              {t('organiser.manageName', { name: created.name })}
            </ButtonLink>
          </div>
        )}
        <CreateEventForm onCreated={setCreated} />
      </section>
      <section
        aria-labelledby="import-title"
        className="space-y-3 rounded-2xl bg-white p-4 shadow-sm"
      >
        <h2 id="import-title" className="font-semibold text-slate-900">
          {t('organiser.import.title')}
        </h2>
        <ImportEventsForm />
      </section>
    </div>
  );
}
