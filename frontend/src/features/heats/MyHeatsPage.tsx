import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  const id = useIdParam();
  const event = useQuery({ ...eventQuery(id), enabled: id > 0 });
  const sheet = useQuery({ ...heatSheetQuery(id), enabled: id > 0 });
  const mine = useQuery({ ...myHeatsQuery(id), enabled: id > 0, retry: false });
  const notJoined = isApiError(mine.error) && mine.error.code === 'not_participant';

  return (
    <div className="space-y-4 p-4">
      <PageHeader
        title={t('heats.myHeats')}
        back={{ to: `/events/${id}`, label: t('heats.backToEvent') }}
        subtitle={event.data?.name}
      />
      <QueryState query={sheet} what={t('heats.mine.loadingSheet')}>
        {(data) => {
          if (data.heats.length === 0) {
            return <EmptyState title={t('heats.noHeatsYet')}>{t('heats.mine.noSheet')}</EmptyState>;
          }
          if (notJoined) {
            return (
              <div className="space-y-3">
                <EmptyState title={t('heats.mine.joinFirst')}>
                  {t('heats.mine.joinFirstText')}
                </EmptyState>
                <ButtonLink to={`/events/${id}`} className="w-full">
                  {t('heats.mine.goToEvent')}
                </ButtonLink>
              </div>
            );
          }
          return (
            <QueryState query={mine} what={t('heats.mine.loadingMine')}>
              {(own) => <MyHeatsForm key={own.eventId} sheet={data} mine={own} />}
            </QueryState>
          );
        }}
      </QueryState>
      <ButtonLink to={`/events/${id}/recording`} variant="secondary" className="w-full">
        {t('heats.recording.whoFilmsMe')}
      </ButtonLink>
    </div>
  );
}
