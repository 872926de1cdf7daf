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

/**
 * One event: dates, place, who joined and who checked in; join, check in at the door or leave;
 * the way into its chat; and, for its organisers, the way to manage it.
 */
export function EventDetailsPage() {
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
        title={event.data?.name ?? 'Event'}
        back={{ to: '/events', label: 'Back to events' }}
        subtitle={event.data?.location}
        actions={
          manages && (
            <ButtonLink to={`/organise/${id}`} variant="secondary" className="shrink-0 px-3">
              Manage event
            </ButtonLink>
          )
        }
      />
      <QueryState query={event} what="the event">
        {(data) => {
          const ended = parseCalendarDate(data.endDate) < new Date(new Date().toDateString());
          return (
            <>
              <dl className="grid grid-cols-2 gap-3">
                <div className="rounded-2xl bg-white p-3 shadow-sm">
                  <dt className="text-xs text-slate-500">Dates</dt>
                  <dd className="font-semibold">{formatDateRange(data.startDate, data.endDate)}</dd>
                </div>
                <div className="rounded-2xl bg-white p-3 shadow-sm">
                  <dt className="text-xs text-slate-500">Joined</dt>
                  <dd className="font-semibold" aria-live="polite">
                    {data.participantsCount} {data.participantsCount === 1 ? 'dancer' : 'dancers'}
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
                        Checked in
                      </span>
                      You’re checked in at the venue{ended ? ' (this event has ended)' : ''}.
                    </p>
                  ) : (
                    <p className="rounded-xl bg-emerald-50 p-3 text-sm text-emerald-900">
                      You’ve joined this event{ended ? ' (it has ended)' : ''}.
                    </p>
                  )}
                  {!data.checkedIn && !ended && <ScanDoorCode />}
                  <ButtonLink to={`/events/${data.id}/chat`} className="w-full">
                    Open event chat
                  </ButtonLink>
                  <div className="grid grid-cols-2 gap-3">
                    <ButtonLink
                      to={`/events/${data.id}/my-heats`}
                      variant="secondary"
                      className="w-full"
                    >
                      My heats
                    </ButtonLink>
                    <ButtonLink
                      to={`/events/${data.id}/recording`}
                      variant="secondary"
                      className="w-full"
                    >
                      Recording
                    </ButtonLink>
                  </div>
                  {confirmLeave ? (
                    <div
                      role="group"
                      aria-label="Leave this event?"
                      className="space-y-2 rounded-xl bg-red-50 p-3"
                    >
                      <p className="text-sm text-red-900">
                        Leave this event? You leave its chat and its list of dancers.
                      </p>
                      <div className="flex gap-2">
                        <Button
                          variant="danger"
                          className="flex-1"
                          busy={membership.isPending}
                          onClick={() =>
                            membership.mutate('leave', { onSettled: () => setConfirmLeave(false) })
                          }
                        >
                          Yes, leave
                        </Button>
                        <Button
                          variant="secondary"
                          className="flex-1"
                          onClick={() => setConfirmLeave(false)}
                        >
                          Stay
                        </Button>
                      </div>
                    </div>
                  ) : (
                    <Button
                      variant="danger"
                      className="w-full"
                      onClick={() => setConfirmLeave(true)}
                    >
                      Leave event
                    </Button>
                  )}
                </div>
              ) : (
                <div className="space-y-2">
                  {ended ? (
                    // The server refuses to join an event that is over (event_ended).
                    <p className="rounded-xl bg-slate-100 p-3 text-sm text-slate-700">
                      This event has ended; it can no longer be joined.
                    </p>
                  ) : (
                    <>
                      <Button
                        className="w-full"
                        busy={membership.isPending}
                        onClick={() => membership.mutate('join')}
                      >
                        Join event
                      </Button>
                      <ScanDoorCode />
                      <p className="text-center text-sm text-slate-600">
                        Join to chat with dancers here and find a recording partner; at the venue,
                        scan the code at the door to check in.
                      </p>
                    </>
                  )}
                </div>
              )}
              {membership.isPaused && (
                <p role="status" className="text-sm text-amber-800">
                  Waiting for a connection…
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
