import type { Event } from '@spotlight/contracts';
import { errorMessage } from '../../lib/errors';
import { useMe, useResendVerification } from '../../shared/session';
import { Button } from '../../ui/Button';
import { Trans, useTranslation } from 'react-i18next';

/**
 * The organiser asks for a confirmed address and this dancer has not confirmed theirs: says so
 * before they try to join (the server would refuse with email_not_verified), with a resend.
 */
export function VerifiedEmailNotice({ event }: { event: Event }) {
  const { t } = useTranslation();
  const me = useMe();
  const resend = useResendVerification();
  if (!event.requireVerifiedEmail || me.emailVerified) return null;
  return (
    <div
      role="status"
      className="space-y-2 rounded-xl border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <p>
        {t('events.verify.intro')}{' '}
        {event.joined ? t('events.verify.joined') : t('events.verify.notJoined')}{' '}
        <Trans
          i18nKey="events.verify.openLink"
          values={{ email: me.email }}
          components={{ strong: <strong className="break-all" /> }}
        />
      </p>
      {resend.isSuccess ? (
        <p>{t('events.verify.sent')}</p>
      ) : (
        <Button variant="secondary" busy={resend.isPending} onClick={() => resend.mutate()}>
          {t('events.verify.resend')}
        </Button>
      )}
      {resend.isError && <p role="alert">{errorMessage(resend.error)}</p>}
    </div>
  );
}
