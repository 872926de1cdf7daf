import { api } from '@spotlight/contracts';
import { apiCall } from '../../lib/api/client';
import { TokenLinkPage } from './TokenLinkPage';

/** Opened from the link mailed to a new address (`/confirm-email?token=…`), signed in or not. */
export function ConfirmEmailPage() {
  return (
    <TokenLinkPage
      title="Confirm your new e-mail address"
      spend={(token) => apiCall(api.auth.confirmEmailChange, { body: { token } })}
      success={({ email }) => `Done: you sign in with ${email} from now on.`}
      failureHint="Sign in and ask for a new link from your profile."
    />
  );
}
