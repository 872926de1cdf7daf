import { errorMessage } from '../../lib/errors';
import { useMe, useResendVerification } from '../../shared/session';
import { useTranslation } from 'react-i18next';

/** Asks an unverified account to confirm its address, with a "resend" for a lost mail. */
export function VerifyEmailBanner() {
  const { t } = useTranslation();
  const me = useMe();
  const resend = useResendVerification();
  if (me.emailVerified) return null;
  return (
    <div role="status" className="bg-violet-50 px-4 py-2 text-center text-sm text-violet-900">
      {resend.isSuccess ? (
        t('layout.verify.sent', { email: me.email })
      ) : (
        <>
          {t('layout.verify.ask', { email: me.email })}{' '}
          <button
            type="button"
            className="min-h-11 font-semibold underline"
            disabled={resend.isPending}
            onClick={() => resend.mutate()}
          >
            {t('layout.verify.resend')}
          </button>
          {resend.isError && <span className="block">{errorMessage(resend.error)}</span>}
        </>
      )}
    </div>
  );
}
