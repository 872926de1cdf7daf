import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  const id = useIdParam();
  const event = useQuery({ ...eventQuery(id), enabled: id > 0 });

  return (
    <div className="space-y-4 p-4">
      <PageHeader
        title={
          event.data
            ? t('organiser.manageName', { name: event.data.name })
            : t('organiser.manage.title')
        }
        back={{ to: '/organise', label: t('organiser.manage.back') }}
        subtitle={event.data && formatDateRange(event.data.startDate, event.data.endDate)}
      />
      <QueryState query={event} what={t('organiser.manage.loading')}>
        {(data) => (
          <>
            <DashboardSection eventId={data.id} />
            <div className="grid grid-cols-2 gap-3">
              <ButtonLink to={`/organise/${data.id}/door`} className="w-full">
                {t('organiser.door.title')}
              </ButtonLink>
              <ButtonLink to={`/events/${data.id}`} variant="secondary" className="w-full">
                {t('organiser.manage.eventPage')}
              </ButtonLink>
            </div>
            <section
              aria-labelledby="details-title"
              className="space-y-3 rounded-2xl bg-white p-4 shadow-sm"
            >
              <h2 id="details-title" className="font-semibold text-slate-900">
                {t('organiser.manage.details')}
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
