import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { isApiError } from '../../lib/api/client';
import { errorMessage, isTransientError } from '../../lib/errors';
import { useIdParam } from '../../lib/useIdParam';
import { ButtonLink } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { Loading } from '../../ui/Spinner';
import { ErrorState } from '../../ui/States';
import { eventQuery } from '../../shared/events';
import { useCheckIn } from './mutations';
import { ScanDoorCode } from './ScanDoorCode';

/**
 * Where the door's QR code leads (`/events/:id/check-in?token=…`): it checks the dancer in
 * once (after sign-in, if needed: RequireAuth brings them back here with the token).
 */
export function CheckInPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const token = useSearchParams()[0].get('token') ?? '';
  const event = useQuery({ ...eventQuery(id), enabled: id > 0 });
  const checkIn = useCheckIn(id);
  const sent = useRef<string>();

  useEffect(() => {
    if (!id || !token || sent.current === token) return;
    sent.current = token;
    checkIn.mutate(token);
  }, [id, token, checkIn]);

  const name = checkIn.data?.event.name ?? event.data?.name ?? t('checkIn.theEvent');
  const code = isApiError(checkIn.error) ? checkIn.error.code : undefined;

  return (
    <div className="space-y-4 p-4">
      <PageHeader
        title={t('checkIn.title')}
        back={{ to: `/events/${id}`, label: t('checkIn.backToEvent') }}
      />
      {!token ? (
        <div className="space-y-3">
          <p className="text-slate-700">{t('checkIn.noCode')}</p>
          <ScanDoorCode />
        </div>
      ) : checkIn.isSuccess ? (
        <div className="space-y-3">
          <p
            role="status"
            className="rounded-2xl bg-emerald-50 p-4 text-lg font-semibold text-emerald-900"
          >
            {t('checkIn.checkedIn', { name })}
          </p>
          <ButtonLink to={`/events/${id}/chat`} className="w-full">
            {t('checkIn.openChat')}
          </ButtonLink>
          <ButtonLink to={`/events/${id}`} variant="secondary" className="w-full">
            {t('checkIn.eventPage')}
          </ButtonLink>
        </div>
      ) : checkIn.error ? (
        code === 'invalid_check_in_code' ? (
          <div className="space-y-3">
            <p role="alert" className="rounded-2xl bg-amber-50 p-4 text-amber-900">
              {errorMessage(checkIn.error)}
            </p>
            <ScanDoorCode label={t('checkIn.scanAgain')} />
          </div>
        ) : (
          <ErrorState
            title={code === 'event_ended' ? t('checkIn.closed') : t('checkIn.failed')}
            message={errorMessage(checkIn.error)}
            onRetry={code && isTransientError(code) ? () => checkIn.mutate(token) : undefined}
          />
        )
      ) : (
        <Loading label={t('checkIn.checkingIn', { name })} />
      )}
    </div>
  );
}
