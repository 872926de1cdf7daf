import { api } from '@spotlight/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiCall } from '../../lib/api/client';

/** Mails the signed-in account a new confirmation link (rate-limited by the server). */
export const useResendVerification = () =>
  useMutation({ mutationFn: () => apiCall(api.auth.resendVerification) });
