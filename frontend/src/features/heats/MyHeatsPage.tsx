import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../lib/api/client';
import { useIdParam } from '../../lib/useIdParam';
import { ButtonLink } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { EmptyState } from '../../ui/States';
import { eventQuery } from '../../shared/events';
import { MyHeatsForm } from './MyHeatsForm';
import { heatSheetQuery, myHeatsQuery } from './queries';

/** A dancer's heats at an event, picked from the organiser's sheet, and the recording opt-in. */
export function MyHeatsPage() {
  const id = useIdParam();
  const event = useQuery({ ...eventQuery(id), enabled: id > 0 });
  const sheet = useQuery({ ...heatSheetQuery(id), enabled: id > 0 });
  const mine = useQuery({ ...myHeatsQuery(id), enabled: id > 0, retry: false });
  const notJoined = isApiError(mine.error) && mine.error.code === 'not_participant';

  return (
    <div className="space-y-4 p-4">
      <PageHeader
        title="My heats"
        back={{ to: `/events/${id}`, label: 'Back to the event' }}
        subtitle={event.data?.name}
      />
      <QueryState query={sheet} what="the heats">
        {(data) => {
          if (data.heats.length === 0) {
            return (
              <EmptyState title="No heats yet">
                The organiser has not loaded heats yet. Come back once the heat sheet is out.
              </EmptyState>
            );
          }
          if (notJoined) {
            return (
              <div className="space-y-3">
                <EmptyState title="Join the event first">
                  Only dancers who joined the event can declare their heats.
                </EmptyState>
                <ButtonLink to={`/events/${id}`} className="w-full">
                  Go to the event
                </ButtonLink>
              </div>
            );
          }
          return (
            <QueryState query={mine} what="your heats">
              {(own) => <MyHeatsForm key={own.eventId} sheet={data} mine={own} />}
            </QueryState>
          );
        }}
      </QueryState>
      <ButtonLink to={`/events/${id}/recording`} variant="secondary" className="w-full">
        Who films me
      </ButtonLink>
    </div>
  );
}
