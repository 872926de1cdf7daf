import { api } from '@spotlight/contracts';
import { apiCall } from '../../lib/api/client';
import { TokenLinkPage } from './TokenLinkPage';

/** Opened from the mailed link (`/verify-email?token=…`), signed in or not. */
export function VerifyEmailPage() {
  return (
    <TokenLinkPage
      title="Confirm your e-mail address"
      spend={(token) => apiCall(api.auth.verifyEmail, { body: { token } })}
      success={() => 'Thank you: your e-mail address is confirmed.'}
      failureHint="Sign in and ask for a new link from the banner."
    />
  );
}
