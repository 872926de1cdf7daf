import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../lib/errors';
import { useIdParam } from '../../lib/useIdParam';
import { formatDateRange, parseCalendarDate } from '../../lib/time';
import { Button, ButtonLink } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { eventQuery } from '../../shared/events';
import { useMe } from '../../shared/session';
import { ScanDoorCode } from '../check-in';
import { useEventMembership } from './mutations';
import { Participants } from './Participants';
import { VerifiedEmailNotice } from './VerifiedEmailNotice';
import { useTranslation } from 'react-i18next';

/**
 * One event: dates, place, who joined and who checked in; join, check in at the door or leave;
 * the way into its chat; and, for its organisers, the way to manage it.
 */
export function EventDetailsPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const me = useMe();
  const manages = me.isAdmin || me.organiserOf.includes(id);
  const event = useQuery({ ...eventQuery(id), enabled: id > 0 });
  const membership = useEventMembership(id);
  // "Leave event" asks first: leaving takes the dancer out of the event's chat and list.
  const [confirmLeave, setConfirmLeave] = useState(false);

  return (
    <div className="space-y-4 p-4">
      <PageHeader
        title={event.data?.name ?? t('events.details.fallbackTitle')}
        back={{ to: '/events', label: t('events.details.back') }}
        subtitle={event.data?.location}
        actions={
          manages && (
            <ButtonLink to={`/organise/${id}`} variant="secondary" className="shrink-0 px-3">
              {t('events.details.manage')}
            </ButtonLink>
          )
        }
      />
      <QueryState query={event} what={t('events.what.event')}>
        {(data) => {
          const ended = parseCalendarDate(data.endDate) < new Date(new Date().toDateString());
          return (
            <>
              <dl className="grid grid-cols-2 gap-3">
                <div className="rounded-2xl bg-white p-3 shadow-sm">
                  <dt className="text-xs text-slate-500">{t('events.details.dates')}</dt>
                  <dd className="font-semibold">{formatDateRange(data.startDate, data.endDate)}</dd>
                </div>
                <div className="rounded-2xl bg-white p-3 shadow-sm">
                  <dt className="text-xs text-slate-500">{t('events.details.joined')}</dt>
                  <dd className="font-semibold" aria-live="polite">
                    {t('events.details.dancers', { count: data.participantsCount })}
                  </dd>
                </div>
              </dl>
              {data.description && (
                <p className="whitespace-pre-wrap text-slate-700 [overflow-wrap:anywhere]">
                  {data.description}
                </p>
              )}
              <VerifiedEmailNotice event={data} />
              {data.joined ? (
                <div className="space-y-3">
                  {data.checkedIn ? (
                    <p className="flex items-center gap-2 rounded-xl bg-violet-50 p-3 text-sm text-violet-900">
                      <span className="rounded-full bg-violet-600 px-2 py-0.5 text-xs font-semibold text-white">
                        {t('events.details.checkedIn')}
                      </span>
                      {ended
                        ? t('events.details.checkedInEnded')
                        : t('events.details.checkedInNote')}
                    </p>
                  ) : (
                    <p className="rounded-xl bg-emerald-50 p-3 text-sm text-emerald-900">
                      {ended ? t('events.details.joinedEnded') : t('events.details.joinedNote')}
                    </p>
                  )}
                  {!data.checkedIn && !ended && <ScanDoorCode />}
                  <ButtonLink to={`/events/${data.id}/chat`} className="w-full">
                    {t('events.details.openChat')}
                  </ButtonLink>
                  <div className="grid grid-cols-2 gap-3">
                    <ButtonLink
                      to={`/events/${data.id}/my-heats`}
                      variant="secondary"
                      className="w-full"
                    >
                      {t('events.details.myHeats')}
                    </ButtonLink>
                    <ButtonLink
                      to={`/events/${data.id}/recording`}
                      variant="secondary"
                      className="w-full"
                    >
                      {t('events.details.recording')}
                    </ButtonLink>
                  </div>
                  {confirmLeave ? (
                    <div
                      role="group"
                      aria-label={t('events.details.leaveAsk')}
                      className="space-y-2 rounded-xl bg-red-50 p-3"
                    >
                      <p className="text-sm text-red-900">{t('events.details.leaveConfirm')}</p>
                      <div className="flex gap-2">
                        <Button
                          variant="danger"
                          className="flex-1"
                          busy={membership.isPending}
                          onClick={() =>
                            membership.mutate('leave', { onSettled: () => setConfirmLeave(false) })
                          }
                        >
                          {t('events.details.leaveYes')}
                        </Button>
                        <Button
                          variant="secondary"
                          className="flex-1"
                          onClick={() => setConfirmLeave(false)}
                        >
                          {t('events.details.stay')}
                        </Button>
                      </div>
                    </div>
                  ) : (
                    <Button
                      variant="danger"
                      className="w-full"
                      onClick={() => setConfirmLeave(true)}
                    >
                      {t('events.details.leave')}
                    </Button>
                  )}
                </div>
              ) : (
                <div className="space-y-2">
                  {ended ? (
                    // The server refuses to join an event that is over (event_ended).
                    <p className="rounded-xl bg-slate-100 p-3 text-sm text-slate-700">
                      {t('events.details.ended')}
                    </p>
                  ) : (
                    <>
                      <Button
                        className="w-full"
                        busy={membership.isPending}
                        onClick={() => membership.mutate('join')}
                      >
                        {t('events.details.join')}
                      </Button>
                      <ScanDoorCode />
                      <p className="text-center text-sm text-slate-600">
                        {t('events.details.joinHint')}
                      </p>
                    </>
                  )}
                </div>
              )}
              {membership.isPaused && (
                <p role="status" className="text-sm text-amber-800">
                  {t('events.details.waiting')}
                </p>
              )}
              {membership.error && (
                <p role="alert" className="text-sm text-red-700">
                  {errorMessage(membership.error)}
                </p>
              )}
              {data.joined && <Participants eventId={data.id} />}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
