import { api } from '@spotlight/contracts';
import { useTranslation } from 'react-i18next';
import { apiCall } from '../../lib/api/client';
import { TokenLinkPage } from './TokenLinkPage';

/** Opened from the link mailed to a new address (`/confirm-email?token=…`), signed in or not. */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  return (
    <TokenLinkPage
      title={t('auth.confirmEmail.title')}
      spend={(token) => apiCall(api.auth.confirmEmailChange, { body: { token } })}
      success={({ email }) => t('auth.confirmEmail.done', { email })}
      failureHint={t('auth.confirmEmail.failed')}
    />
  );
}
