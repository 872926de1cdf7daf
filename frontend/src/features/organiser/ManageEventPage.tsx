import { useQuery } from '@tanstack/react-query';
import { useIdParam } from '../../lib/useIdParam';
import { formatDateRange } from '../../lib/time';
import { ButtonLink } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { eventQuery } from '../../shared/events';
import { AnnouncementsSection } from '../announcements';
import { HeatsOrganiserSection } from '../heats';
import { DashboardSection } from './DashboardSection';
import { EditEventForm, VerifiedEmailSetting } from './EventForm';
import { OrganisersSection } from './OrganisersSection';

/**
 * One event, for its organisers: its dashboard, its fields, its announcements, its organisers, and the screen
 * for the door.
 */
export function ManageEventPage() {
  const id = useIdParam();
  const event = useQuery({ ...eventQuery(id), enabled: id > 0 });

  return (
    <div className="space-y-4 p-4">
      <PageHeader
        title={event.data ? `Manage ${event.data.name}` : 'Manage event'}
        back={{ to: '/organise', label: 'Back to Organise' }}
        subtitle={event.data && formatDateRange(event.data.startDate, event.data.endDate)}
      />
      <QueryState query={event} what="the event">
        {(data) => (
          <>
            <DashboardSection eventId={data.id} />
            <div className="grid grid-cols-2 gap-3">
              <ButtonLink to={`/organise/${data.id}/door`} className="w-full">
                Door screen
              </ButtonLink>
              <ButtonLink to={`/events/${data.id}`} variant="secondary" className="w-full">
                Event page
              </ButtonLink>
            </div>
            <section
              aria-labelledby="details-title"
              className="space-y-3 rounded-2xl bg-white p-4 shadow-sm"
            >
              <h2 id="details-title" className="font-semibold text-slate-900">
                Details
              </h2>
              <EditEventForm event={data} />
              <VerifiedEmailSetting event={data} />
            </section>
            <AnnouncementsSection eventId={data.id} />
            <OrganisersSection eventId={data.id} />
            <HeatsOrganiserSection eventId={data.id} />
          </>
        )}
      </QueryState>
    </div>
  );
}
