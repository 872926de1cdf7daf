import { api } from '@spotlight/contracts';
import { useTranslation } from 'react-i18next';
import { apiCall } from '../../lib/api/client';
import { TokenLinkPage } from './TokenLinkPage';

/** Opened from the mailed link (`/verify-email?token=…`), signed in or not. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  return (
    <TokenLinkPage
      title={t('auth.verify.title')}
      spend={(token) => apiCall(api.auth.verifyEmail, { body: { token } })}
      success={() => t('auth.verify.done')}
      failureHint={t('auth.verify.failed')}
    />
  );
}
